// Input schemas of referral notes (one per concept), shared by the API and the server actions.
// Zod only: no server code, so forms may import it.
import { z } from "zod";
import { objectWithoutUnknownKeys } from "@/lib/validation/unknown-keys";

/**
 * Who the note goes to. A fixed list so that notes can be counted and exported (FHIR
 * ServiceRequest.performerType) without free-text spelling variants; "other" covers the rest, with
 * the addressee written in the comment.
 */
export const SPECIALTIES = [
  "orthopaedics",
  "sports_medicine",
  "spine",
  "podiatry",
  "rheumatology",
  "neurology",
  "general_practice",
  "hip_colleague",
  "back_colleague",
  "other",
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const SPECIALTY_LABELS: Record<Specialty, string> = {
  orthopaedics: "Orthopaedics",
  sports_medicine: "Sports medicine",
  spine: "Spine service",
  podiatry: "Podiatry",
  rheumatology: "Rheumatology",
  neurology: "Neurology",
  general_practice: "General practice",
  hip_colleague: "Colleague for the hip",
  back_colleague: "Colleague for the back",
  other: "Other specialist",
};

/** Mildest first. `emergency` (rules v2): an emergency-tier red flag, same-day assessment. */
export const URGENCIES = ["routine", "soon", "urgent", "emergency"] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { routine: "Routine", soon: "Soon", urgent: "Urgent", emergency: "Emergency (same day)" };

/** Section keys in display order. The referrer section comes from the user profile only. */
export const SECTION_KEYS = [
  "reason",
  "presenting_problem",
  "changes",
  "flags",
  "current_values",
  "treatment",
  "comment",
  "referrer",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const LOCKED_SECTION_KEYS: ReadonlySet<SectionKey> = new Set(["referrer"]);

export const MAX_SECTION_CHARS = 10_000;
export const MAX_COMMENT_CHARS = 4_000;

export interface ReferralSection {
  key: SectionKey;
  title: string;
  text: string;
  included: boolean;
}

const commentSchema = z.string().trim().max(MAX_COMMENT_CHARS, `comment must be at most ${MAX_COMMENT_CHARS} characters`);

export const createReferralSchema = objectWithoutUnknownKeys({
  specialty: z.enum(SPECIALTIES, { error: `specialty must be one of ${SPECIALTIES.join(", ")}` }),
  urgency: z.enum(URGENCIES, { error: `urgency must be one of ${URGENCIES.join(", ")}` }),
  comment: commentSchema.optional(),
});
export type CreateReferralInput = z.output<typeof createReferralSchema>;

const sectionEditSchema = objectWithoutUnknownKeys({
  key: z.enum(SECTION_KEYS, { error: `key must be one of ${SECTION_KEYS.join(", ")}` }),
  text: z.string().max(MAX_SECTION_CHARS, `text must be at most ${MAX_SECTION_CHARS} characters`).optional(),
  included: z.boolean({ error: "included must be true or false" }).optional(),
});

export const editReferralSchema = objectWithoutUnknownKeys({
  sections: z
    .array(sectionEditSchema)
    .max(SECTION_KEYS.length, `at most ${SECTION_KEYS.length} sections`)
    .superRefine((sections, ctx) => {
      const seen = new Set<string>();
      sections.forEach((s, i) => {
        if (seen.has(s.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `section ${s.key} appears twice` });
        seen.add(s.key);
        if (LOCKED_SECTION_KEYS.has(s.key) && (s.text !== undefined || s.included === false)) {
          ctx.addIssue({
            code: "custom",
            path: [i, "key"],
            message: "the referring clinician comes from the user profile and cannot be edited or left out",
          });
        }
      });
    })
    .optional(),
  comment: commentSchema.optional(),
});
export type EditReferralInput = z.output<typeof editReferralSchema>;
