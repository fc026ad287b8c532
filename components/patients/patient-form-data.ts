// The patient form's fields ↔ the patient schema's input. The form posts text; heightCm becomes a
// number only when it looks like one (otherwise the schema names the problem); a blank MRN is null.
import type { FieldIssue } from "@/lib/errors/app-errors";

export const PATIENT_FIELDS = ["givenName", "familyName", "birthDate", "sex", "heightCm", "mrn", "diagnosisSide"] as const;
export type PatientField = (typeof PATIENT_FIELDS)[number];
export type PatientFormValues = Partial<Record<PatientField, string>>;

export type PatientFormResult =
  | { status: "idle" }
  | { status: "error"; values: PatientFormValues; issues: FieldIssue[] };

export function patientFormToInput(formData: FormData): { input: Record<string, unknown>; values: PatientFormValues } {
  const values: PatientFormValues = {};
  const input: Record<string, unknown> = {};
  for (const field of PATIENT_FIELDS) {
    const raw = formData.get(field);
    const text = typeof raw === "string" ? raw : "";
    values[field] = text;
    if (field === "heightCm") {
      const n = Number(text.trim().replace(",", "."));
      input.heightCm = text.trim() === "" ? undefined : Number.isFinite(n) ? n : text;
    } else if (field === "mrn") input.mrn = text.trim() ? text : null;
    else if (text !== "") input[field] = text;
  }
  return { input, values };
}
