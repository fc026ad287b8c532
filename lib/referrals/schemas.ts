// Input schemas of referral notes (one per concept), shared by the API and the server actions.
// Zod only: no server code, so forms may import it.
import { z } from "zod";
import { objectWithoutUnknownKeys } from "@/lib/validation/unknown-keys";
import { DIFFERENTIALS } from "./differentials";

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

/**
 * Section keys in display order (issue 19's structure: page one, flags for the specialty, charts,
 * then the appendix). The referrer section comes from the user profile only.
 */
export const NOTE_SECTION_KEYS = [
  "question",
  "urgency",
  "patient",
  "chronology",
  "diagnosis",
  "key_findings",
  "treatment",
  "imaging",
  "comorbidities",
  "flags",
  "charts",
  "history",
  "comment",
  "referrer",
  "appendix",
] as const;
/** Keys of notes written before issue 19: still read, edited and rendered as text. */
export const LEGACY_SECTION_KEYS = ["reason", "presenting_problem", "changes", "current_values"] as const;
export const SECTION_KEYS = [...NOTE_SECTION_KEYS, ...LEGACY_SECTION_KEYS] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const LOCKED_SECTION_KEYS: ReadonlySet<SectionKey> = new Set(["referrer"]);
/** Always included: the question is what the recipient reads first. */
export const ALWAYS_INCLUDED_KEYS: ReadonlySet<SectionKey> = new Set(["question", "referrer"]);

export const MAX_SECTION_CHARS = 10_000;
export const MAX_COMMENT_CHARS = 4_000;
export const MAX_QUESTION_CHARS = 2_000;

export interface ReferralSection {
  key: SectionKey;
  title: string;
  text: string;
  included: boolean;
  /** The referrer rewrote the text: it replaces the generated content in every rendering. */
  edited?: boolean;
}

const commentSchema = z.string().trim().max(MAX_COMMENT_CHARS, `comment must be at most ${MAX_COMMENT_CHARS} characters`);
/** What the referrer asks the recipient to assess or decide. */
export const questionSchema = z
  .string({ error: "question must be text" })
  .trim()
  .min(1, "write the question for the recipient: what you ask them to assess or decide")
  .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`);
const diagnosisBasisSchema = z.string().trim().max(MAX_COMMENT_CHARS, `diagnosisBasis must be at most ${MAX_COMMENT_CHARS} characters`);
const differentialsSchema = z
  .array(z.enum(DIFFERENTIALS, { error: `each differential must be one of ${DIFFERENTIALS.join(", ")}` }))
  .max(DIFFERENTIALS.length)
  .transform((list) => [...new Set(list)]);
const differentialOtherSchema = z.string().trim().max(500, "differentialOther must be at most 500 characters");

/** "other" ticked needs its text. */
function otherNeedsText(value: { differentialsExcluded?: string[]; differentialOther?: string }, ctx: z.RefinementCtx): void {
  if (value.differentialsExcluded?.includes("other") && !value.differentialOther) {
    ctx.addIssue({ code: "custom", path: ["differentialOther"], message: "name the other differential you excluded" });
  }
}

const createFields = {
  specialty: z.enum(SPECIALTIES, { error: `specialty must be one of ${SPECIALTIES.join(", ")}` }),
  urgency: z.enum(URGENCIES, { error: `urgency must be one of ${URGENCIES.join(", ")}` }),
  comment: commentSchema.optional(),
  // Added by issue 19. Optional here so that API clients written to the contract (specialty,
  // urgency, comment) keep working: such a draft reads "Question not yet written" and cannot be
  // finalised until the question is written. The app's form requires it (createReferralFormSchema).
  question: questionSchema.optional(),
  diagnosisBasis: diagnosisBasisSchema.optional(),
  differentialsExcluded: differentialsSchema.optional(),
  differentialOther: differentialOtherSchema.optional(),
};

export const createReferralSchema = objectWithoutUnknownKeys(createFields).superRefine(otherNeedsText);
export type CreateReferralInput = z.output<typeof createReferralSchema>;

/** The app's "Create referral" form: the same fields, the question required. */
export const createReferralFormSchema = objectWithoutUnknownKeys({ ...createFields, question: questionSchema }).superRefine(otherNeedsText);

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
        if (ALWAYS_INCLUDED_KEYS.has(s.key) && s.included === false && !LOCKED_SECTION_KEYS.has(s.key)) {
          ctx.addIssue({ code: "custom", path: [i, "included"], message: `the ${s.key} section cannot be left out` });
        }
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
  question: questionSchema.optional(),
  diagnosisBasis: diagnosisBasisSchema.optional(),
  differentialsExcluded: differentialsSchema.optional(),
  differentialOther: differentialOtherSchema.optional(),
}).superRefine(otherNeedsText);
export type EditReferralInput = z.output<typeof editReferralSchema>;
