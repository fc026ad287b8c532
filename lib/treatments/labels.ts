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
