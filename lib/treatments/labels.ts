// Clinician-facing names of the treatment kinds, shared by the forms, the history and the trends page.
import type { TreatmentKind } from "@/lib/treatments/schemas";

export const TREATMENT_LABELS: Record<TreatmentKind, string> = {
  orthoses: "Orthoses",
  stretching: "Stretching",
  strengthening: "Strengthening",
  footwear_change: "Footwear change",
  injection: "Injection",
  shockwave: "Shockwave",
  night_splint: "Night splint",
  other: "Other",
};

export const RESPONSE_LABELS: Record<"better" | "same" | "worse", string> = { better: "Better", same: "Same", worse: "Worse" };

/** "1 ml · methylprednisolone 40 mg × 2 · until 26 Jan 2026 · response at review: better (7 Feb 2026)". */
export function treatmentDetail(
  t: { dose: string | null; injectionAgent: string | null; injectionCount: number | null; endedAt: string | null; response: "better" | "same" | "worse" | null; reviewedAt: string | null },
  formatDate: (iso: string) => string,
): string | null {
  const parts: string[] = [];
  if (t.dose) parts.push(t.dose);
  if (t.injectionAgent || t.injectionCount) parts.push(`${t.injectionAgent ?? "agent not recorded"}${t.injectionCount ? ` × ${t.injectionCount}` : ""}`);
  if (t.endedAt) parts.push(`until ${formatDate(t.endedAt)}`);
  if (t.response) parts.push(`response at review: ${RESPONSE_LABELS[t.response].toLowerCase()}${t.reviewedAt ? ` (${formatDate(t.reviewedAt)})` : ""}`);
  return parts.length ? parts.join(" · ") : null;
}
