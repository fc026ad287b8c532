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

/** The form's labels, as the error messages name the fields. */
export const PATIENT_FIELD_WORDS: Record<PatientField, string> = {
  givenName: "First name",
  familyName: "Last name",
  birthDate: "Birth date",
  sex: "Sex",
  heightCm: "Height",
  mrn: "MRN",
  diagnosisSide: "Diagnosis side",
};

/**
 * The schema's message (written for API callers: "heightCm 999 is outside 50..250") in the words
 * of the form's labels: "Height must be between 50 and 250 cm".
 */
export function patientIssueInWords(field: string, message: string): string {
  if (!(field in PATIENT_FIELD_WORDS)) return message;
  const name = PATIENT_FIELD_WORDS[field as PatientField];
  if (/is required|must not be empty/.test(message)) return field === "sex" || field === "diagnosisSide" ? `${name} is required: choose one` : `${name} is required`;
  switch (field) {
    case "givenName":
    case "familyName":
      if (/at most/.test(message)) return `${name} must be at most 100 characters`;
      break;
    case "heightCm":
      return "Height must be between 50 and 250 cm";
    case "birthDate":
      if (/future/.test(message)) return "Birth date must not be in the future";
      if (/before/.test(message)) return "Birth date must be on or after 1 Jan 1900";
      return "Birth date must be a real date";
    case "sex":
      return "Sex must be one of the listed choices";
    case "diagnosisSide":
      return "Diagnosis side must be left, right or both";
    case "mrn":
      if (/already used/.test(message)) return message;
      if (/at most/.test(message)) return "MRN must be at most 50 characters";
      break;
  }
  return message.replace(new RegExp(`^${field}\\b`), name);
}
