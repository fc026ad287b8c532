// The patient record's input schemas, shared by the API and the browser forms (zod only, no server
// imports). Messages name the field and the allowed values, because a clinician reads them.
import { z } from "zod";
import { objectWithoutUnknownKeys } from "@/lib/validation/unknown-keys";

const show = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

export const PATIENT_SEXES = ["female", "male", "other", "unknown"] as const;
export const DIAGNOSIS_SIDES = ["left", "right", "both"] as const;
/** clinical/measures.md: the patient record holds heightCm, 50 to 250. */
export const HEIGHT_CM_RANGE = { min: 50, max: 250 } as const;
export const EARLIEST_BIRTH_DATE = "1900-01-01";

function nameSchema(field: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field} is required` : `${field} must be text, not ${show(iss.input)}`) })
    .trim()
    .min(1, `${field} must not be empty (1 to 100 characters)`)
    .max(100, `${field} must be at most 100 characters`);
}

/** Today's calendar date in UTC; a birth date "today" anywhere on Earth is at most one day ahead. */
export function latestBirthDate(): string {
  return new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
}

export function isRealCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

export const birthDateSchema = z
  .string({ error: (iss) => (iss.input === undefined ? "birthDate is required" : `birthDate must be a string, not ${show(iss.input)}`) })
  .superRefine((s, ctx) => {
    if (!isRealCalendarDate(s)) {
      ctx.addIssue({ code: "custom", input: s, message: `birthDate ${show(s)} is not a real date (YYYY-MM-DD)` });
    } else if (s < EARLIEST_BIRTH_DATE) {
      ctx.addIssue({ code: "custom", input: s, message: `birthDate ${s} is before ${EARLIEST_BIRTH_DATE}` });
    } else if (s > latestBirthDate()) {
      ctx.addIssue({ code: "custom", input: s, message: `birthDate ${s} is in the future` });
    }
  });

export const sexSchema = z.enum(PATIENT_SEXES, {
  error: (iss) => (iss.input === undefined ? "sex is required" : `sex must be female, male, other or unknown, not ${show(iss.input)}`),
});

export const diagnosisSideSchema = z.enum(DIAGNOSIS_SIDES, {
  error: (iss) =>
    iss.input === undefined ? "diagnosisSide is required" : `diagnosisSide must be left, right or both, not ${show(iss.input)}`,
});

export const heightCmSchema = z
  .number({ error: (iss) => (iss.input === undefined ? "heightCm is required" : `heightCm must be a number, not ${show(iss.input)}`) })
  .refine((v) => v >= HEIGHT_CM_RANGE.min && v <= HEIGHT_CM_RANGE.max, {
    error: (iss) => `heightCm ${show(iss.input)} is outside ${HEIGHT_CM_RANGE.min}..${HEIGHT_CM_RANGE.max}`,
  });

/** Optional medical record number: trimmed; null, "" or only spaces mean "none". */
export const mrnSchema = z
  .union([z.string().trim().max(50, "mrn must be at most 50 characters"), z.null()], {
    error: (iss) => `mrn must be text or null, not ${show(iss.input)}`,
  })
  .transform((v) => (v ? v : null));

const patientShape = {
  givenName: nameSchema("givenName"),
  familyName: nameSchema("familyName"),
  birthDate: birthDateSchema,
  sex: sexSchema,
  heightCm: heightCmSchema,
  mrn: mrnSchema.optional(),
  diagnosisSide: diagnosisSideSchema,
};

export const patientCreateSchema = objectWithoutUnknownKeys(patientShape);
export type PatientCreateInput = z.input<typeof patientCreateSchema>;
export type PatientCreate = z.output<typeof patientCreateSchema>;

const patientUpdateShape = {
  givenName: patientShape.givenName.optional(),
  familyName: patientShape.familyName.optional(),
  birthDate: patientShape.birthDate.optional(),
  sex: patientShape.sex.optional(),
  heightCm: patientShape.heightCm.optional(),
  mrn: mrnSchema.optional(),
  diagnosisSide: patientShape.diagnosisSide.optional(),
  archived: z.boolean({ error: (iss) => `archived must be true or false, not ${show(iss.input)}` }).optional(),
};

export const PATIENT_UPDATE_FIELDS = Object.keys(patientUpdateShape) as (keyof typeof patientUpdateShape)[];

export const patientUpdateSchema = objectWithoutUnknownKeys(patientUpdateShape).superRefine((patch, ctx) => {
  if (!PATIENT_UPDATE_FIELDS.some((field) => patch[field] !== undefined)) {
    ctx.addIssue({ code: "custom", path: [], input: patch, message: `send at least one field to change (${PATIENT_UPDATE_FIELDS.join(", ")})` });
  }
});
export type PatientUpdateInput = z.input<typeof patientUpdateSchema>;
export type PatientUpdate = z.output<typeof patientUpdateSchema>;
