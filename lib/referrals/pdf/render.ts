// The one path to a referral PDF, used by the route and the tests: load the note (clinic-scoped),
// the history up to the note's reference time, evaluate, precompute the props and render.
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { evaluate } from "@/lib/clinical/evaluate";
import { loadPatientHistory } from "@/lib/patients/evaluation";
import { getReferral } from "../queries";
import { historyUpTo, referralPdfProps, type ReferralPdfProps } from "./data";
import { planPdfText } from "./fonts";
import { ReferralDocument } from "./ReferralDocument";

export interface RenderedReferralPdf {
  bytes: Uint8Array<ArrayBuffer>;
  filename: string;
}

/** Every text of the note as the fonts can draw it, and the fonts the page needs for that. */
async function withPrintableText(props: ReferralPdfProps): Promise<ReferralPdfProps> {
  const texts = [
    props.title,
    props.patientLine,
    props.statusLine,
    props.footer,
    ...props.metaLines,
    ...props.sections.flatMap((s) => [s.title, s.text]),
    ...props.charts.flatMap((c) => [c.title, c.caption]),
  ];
  const plan = await planPdfText(texts);
  return {
    ...props,
    fontFamily: plan.families,
    title: plan.clean(props.title),
    patientLine: plan.clean(props.patientLine),
    statusLine: plan.clean(props.statusLine),
    footer: plan.clean(props.footer),
    metaLines: props.metaLines.map(plan.clean),
    sections: props.sections.map((s) => ({ title: plan.clean(s.title), text: plan.clean(s.text) })),
    charts: props.charts.map((c) => ({ ...c, title: plan.clean(c.title), caption: plan.clean(c.caption) })),
  };
}

export async function renderReferralPdf(actor: Actor, id: string, options: { size?: "A4" | "LETTER"; now?: Date } = {}): Promise<RenderedReferralPdf> {
  const referral = await getReferral(actor, id);
  const now = options.now ?? new Date();
  const full = (await loadPatientHistory(db, actor.clinicId, referral.patientId)) ?? { assessments: [] };
  const history = historyUpTo(full, referral.finalizedAt ?? now.toISOString());
  const props = referralPdfProps(referral, history, evaluate(history), { size: options.size ?? "A4", generatedAt: now.toISOString() });
  const element = createElement(ReferralDocument, await withPrintableText(props)) as unknown as ReactElement<DocumentProps>;
  const buffer = await renderToBuffer(element);
  const safeName = `${referral.patient.familyName}-${referral.patient.givenName}`.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "").toLowerCase() || "patient";
  return { bytes: new Uint8Array(buffer), filename: `referral-${safeName}-v${referral.version}.pdf` };
}
