// The one path to a referral PDF, used by the route and the tests: load the note (clinic-scoped),
// the history up to the note's reference time, evaluate, precompute the props and render.
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { evaluate } from "@/lib/clinical/evaluate";
import { loadPatientHistory } from "@/lib/patients/evaluation";
import { getReferral } from "../queries";
import { historyUpTo, referralPdfProps } from "./data";
import { registerPdfFonts } from "./fonts";
import { ReferralDocument } from "./ReferralDocument";

export interface RenderedReferralPdf {
  bytes: Uint8Array<ArrayBuffer>;
  filename: string;
}

export async function renderReferralPdf(actor: Actor, id: string, options: { size?: "A4" | "LETTER"; now?: Date } = {}): Promise<RenderedReferralPdf> {
  const referral = await getReferral(actor, id);
  const now = options.now ?? new Date();
  const full = (await loadPatientHistory(db, actor.clinicId, referral.patientId)) ?? { assessments: [] };
  const history = historyUpTo(full, referral.finalizedAt ?? now.toISOString());
  const props = referralPdfProps(referral, history, evaluate(history), { size: options.size ?? "A4", generatedAt: now.toISOString() });
  registerPdfFonts();
  const element = createElement(ReferralDocument, props) as unknown as ReactElement<DocumentProps>;
  const buffer = await renderToBuffer(element);
  const safeName = `${referral.patient.familyName}-${referral.patient.givenName}`.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "").toLowerCase() || "patient";
  return { bytes: new Uint8Array(buffer), filename: `referral-${safeName}-v${referral.version}.pdf` };
}
