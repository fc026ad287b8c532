// The one path to a referral PDF, used by the route, the tests and the bench: load the note's
// model (clinic-scoped, data up to the note's reference time) and render it.
import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { Actor } from "@/lib/auth/actor";
import { loadReferralNote } from "../note/load";
import type { ReferralNote } from "../note/types";
import { planPdfText } from "./fonts";
import { ReferralDocument } from "./ReferralDocument";

export interface RenderedReferralPdf {
  bytes: Uint8Array<ArrayBuffer>;
  filename: string;
}

/** Every string in the note (deep), for the font plan. */
function textsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) textsOf(v, out);
  return out;
}

/** The note with every string as the fonts can draw it (emoji and undrawable characters replaced). */
function mapTexts<T>(value: T, clean: (text: string) => string): T {
  if (typeof value === "string") return clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapTexts(v, clean)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapTexts(v, clean)])) as T;
  }
  return value;
}

/**
 * The model as PDF bytes (pure apart from the fonts): names in any script print with a font that
 * covers them, loaded only when the note's text needs it (./fonts).
 */
export async function renderNotePdf(note: ReferralNote, size: "A4" | "LETTER" = "A4"): Promise<Uint8Array<ArrayBuffer>> {
  const plan = await planPdfText(textsOf(note));
  const printable = mapTexts(note, plan.clean);
  const element = createElement(ReferralDocument, { note: printable, size, fontFamily: plan.families }) as unknown as ReactElement<DocumentProps>;
  return new Uint8Array(await renderToBuffer(element));
}

export async function renderReferralPdf(actor: Actor, id: string, options: { size?: "A4" | "LETTER"; now?: Date } = {}): Promise<RenderedReferralPdf> {
  const { referral, note } = await loadReferralNote(actor, id, options.now);
  const bytes = await renderNotePdf(note, options.size ?? "A4");
  const safeName = `${referral.patient.familyName}-${referral.patient.givenName}`.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "").toLowerCase() || "patient";
  return { bytes, filename: `referral-${safeName}-v${referral.version}.pdf` };
}
