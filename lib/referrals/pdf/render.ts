// The one path to a referral PDF, used by the route, the tests and the bench: load the note's
// model (clinic-scoped, data up to the note's reference time) and render it.
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { Actor } from "@/lib/auth/actor";
import { loadReferralNote } from "../note/load";
import type { ReferralNote } from "../note/types";
import { registerPdfFonts } from "./fonts";
import { ReferralDocument } from "./ReferralDocument";

export interface RenderedReferralPdf {
  bytes: Uint8Array<ArrayBuffer>;
  filename: string;
}

/** The model as PDF bytes (pure apart from the font registration). */
export async function renderNotePdf(note: ReferralNote, size: "A4" | "LETTER" = "A4"): Promise<Uint8Array<ArrayBuffer>> {
  registerPdfFonts();
  const element = createElement(ReferralDocument, { note, size }) as unknown as ReactElement<DocumentProps>;
  return new Uint8Array(await renderToBuffer(element));
}

export async function renderReferralPdf(actor: Actor, id: string, options: { size?: "A4" | "LETTER"; now?: Date } = {}): Promise<RenderedReferralPdf> {
  const { referral, note } = await loadReferralNote(actor, id, options.now);
  const bytes = await renderNotePdf(note, options.size ?? "A4");
  const safeName = `${referral.patient.familyName}-${referral.patient.givenName}`.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "").toLowerCase() || "patient";
  return { bytes, filename: `referral-${safeName}-v${referral.version}.pdf` };
}
