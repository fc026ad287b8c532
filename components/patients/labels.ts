import type { DiagnosisSide, Sex } from "@/lib/patients/queries";

export const SEX_LABELS: Record<Sex, string> = { female: "Female", male: "Male", other: "Other", unknown: "Not recorded" };
export const SIDE_LABELS: Record<DiagnosisSide, string> = { left: "Left", right: "Right", both: "Both" };

export function fullName(patient: { givenName: string; familyName: string }): string {
  return `${patient.givenName} ${patient.familyName}`;
}

/** Family name first, as clinic lists are sorted. */
export function listName(patient: { givenName: string; familyName: string }): string {
  return `${patient.familyName}, ${patient.givenName}`;
}
