// The patient's clinical history (issue 18): what a specialist asks first. One schema shared by the
// API (PUT /api/v1/patients/{id}/history), the history form's server action and the backup/export
// readers. zod only, no server imports. A PUT replaces the whole history: an absent field is
// "not recorded" (null, or "unknown" for the before-the-heel-pain questions).
import { z } from "zod";
import { objectWithoutUnknownKeys } from "@/lib/validation/unknown-keys";
import { isRealCalendarDate, latestBirthDate } from "@/lib/patients/schemas";

const show = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

export const PAIN_BEFORE_HEEL = ["yes", "no", "unknown"] as const;
export type PainBeforeHeel = (typeof PAIN_BEFORE_HEEL)[number];

export const HIP_PAIN_SIDES = ["left", "right", "both"] as const;
export type HipPainSide = (typeof HIP_PAIN_SIDES)[number];

export const INVESTIGATION_KINDS = ["xray", "ultrasound", "mri", "ct", "bone_scan", "blood_test", "nerve_conduction", "other"] as const;
export type InvestigationKind = (typeof INVESTIGATION_KINDS)[number];

export const FOOTWEAR_KINDS = ["supportive", "minimal", "high_heel", "work_boots", "mixed"] as const;
export type Footwear = (typeof FOOTWEAR_KINDS)[number];

export const MAX_INVESTIGATIONS = 50;

/** A calendar date (YYYY-MM-DD) that is not in the future, or null. */
function pastDateSchema(field: string) {
  return z
    .union([z.string(), z.null()], { error: (iss) => `${field} must be a date (YYYY-MM-DD) or null, not ${show(iss.input)}` })
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v))
    .superRefine((s, ctx) => {
      if (s === null) return;
      if (!isRealCalendarDate(s)) ctx.addIssue({ code: "custom", input: s, message: `${field} ${show(s)} is not a real date (YYYY-MM-DD)` });
      else if (s > latestBirthDate()) ctx.addIssue({ code: "custom", input: s, message: `${field} ${s} is in the future` });
    });
}

function beforeHeelSchema(field: string) {
  return z
    .enum(PAIN_BEFORE_HEEL, { error: (iss) => `${field} must be yes, no or unknown, not ${show(iss.input)}` })
    .optional()
    .transform((v) => v ?? "unknown");
}

function optionalText(field: string, max: number) {
  return z
    .union([z.string().trim().max(max, `${field} must be at most ${max} characters`), z.null()], {
      error: (iss) => `${field} must be text or null, not ${show(iss.input)}`,
    })
    .optional()
    .transform((v) => (v ? v : null));
}

function yesNoUnknown(field: string) {
  return z
    .union([z.boolean(), z.null()], { error: (iss) => `${field} must be true, false or null (not asked), not ${show(iss.input)}` })
    .optional()
    .transform((v) => v ?? null);
}

export const investigationSchema = objectWithoutUnknownKeys({
  date: pastDateSchema("date").refine((v) => v !== null, { message: "date is required (YYYY-MM-DD)" }).transform((v) => v!),
  kind: z.enum(INVESTIGATION_KINDS, {
    error: (iss) => (iss.input === undefined ? "kind is required" : `kind must be one of ${INVESTIGATION_KINDS.join(", ")}, not ${show(iss.input)}`),
  }),
  finding: z
    .string({ error: (iss) => (iss.input === undefined ? "finding is required" : `finding must be text, not ${show(iss.input)}`) })
    .trim()
    .min(1, "finding must not be empty (1 to 1000 characters)")
    .max(1000, "finding must be at most 1000 characters"),
});

export const patientHistorySchema = objectWithoutUnknownKeys({
  heelPainOnset: objectWithoutUnknownKeys({ left: pastDateSchema("heelPainOnset.left"), right: pastDateSchema("heelPainOnset.right") })
    .optional()
    .transform((v) => v ?? { left: null, right: null }),
  hipPain: objectWithoutUnknownKeys({
    beforeHeelPain: beforeHeelSchema("hipPain.beforeHeelPain"),
    onset: pastDateSchema("hipPain.onset"),
    side: z
      .union([z.enum(HIP_PAIN_SIDES), z.null()], { error: (iss) => `hipPain.side must be left, right, both or null, not ${show(iss.input)}` })
      .optional()
      .transform((v) => v ?? null),
  })
    .optional()
    .transform((v) => v ?? { beforeHeelPain: "unknown" as const, onset: null, side: null }),
  backPain: objectWithoutUnknownKeys({ beforeHeelPain: beforeHeelSchema("backPain.beforeHeelPain"), onset: pastDateSchema("backPain.onset") })
    .optional()
    .transform((v) => v ?? { beforeHeelPain: "unknown" as const, onset: null }),
  comorbidities: objectWithoutUnknownKeys({
    diabetes: yesNoUnknown("comorbidities.diabetes"),
    inflammatoryArthritis: yesNoUnknown("comorbidities.inflammatoryArthritis"),
    neuropathy: yesNoUnknown("comorbidities.neuropathy"),
    other: optionalText("comorbidities.other", 500),
  })
    .optional()
    .transform((v) => v ?? { diabetes: null, inflammatoryArthritis: null, neuropathy: null, other: null }),
  medications: optionalText("medications", 2000),
  investigations: z
    .array(investigationSchema, { error: (iss) => `investigations must be a list, not ${show(iss.input)}` })
    .max(MAX_INVESTIGATIONS, `investigations: at most ${MAX_INVESTIGATIONS}`)
    .optional()
    .transform((v) => v ?? []),
}).superRefine((h, ctx) => {
    // The order of onsets is the point of the history: a contradiction is refused, not guessed.
    const heel = [h.heelPainOnset.left, h.heelPainOnset.right].filter((d): d is string => d !== null).sort()[0];
    if (!heel) return;
    for (const region of ["hipPain", "backPain"] as const) {
      const { beforeHeelPain, onset } = h[region];
      if (!onset) continue;
      if (beforeHeelPain === "yes" && onset > heel) {
        ctx.addIssue({
          code: "custom",
          path: [region, "beforeHeelPain"],
          input: beforeHeelPain,
          message: `${region}.beforeHeelPain is yes but ${region}.onset ${onset} is after the heel pain began (${heel})`,
        });
      } else if (beforeHeelPain === "no" && onset < heel) {
        ctx.addIssue({
          code: "custom",
          path: [region, "beforeHeelPain"],
          input: beforeHeelPain,
          message: `${region}.beforeHeelPain is no but ${region}.onset ${onset} is before the heel pain began (${heel})`,
        });
      }
    }
  });

export type PatientHistoryInput = z.input<typeof patientHistorySchema>;
export type PatientHistoryData = z.output<typeof patientHistorySchema>;
export type InvestigationData = z.output<typeof investigationSchema>;

export const footwearSchema = z
  .union([z.enum(FOOTWEAR_KINDS), z.null()], {
    error: (iss) => `footwear must be one of ${FOOTWEAR_KINDS.join(", ")} or null, not ${show(iss.input)}`,
  })
  .optional();
