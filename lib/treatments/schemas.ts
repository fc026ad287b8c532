// A treatment event's input schema, shared by the API and the browser form (zod only).
import { z } from "zod";
import { objectWithoutUnknownKeys } from "@/lib/validation/unknown-keys";

const show = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

export const TREATMENT_KINDS = [
  "orthoses",
  "stretching",
  "strengthening",
  "footwear_change",
  "injection",
  "shockwave",
  "night_splint",
  "other",
] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

/** Same allowance for clock skew as a visit's takenAt. */
const FUTURE_SKEW_MS = 5 * 60_000;

export const occurredAtSchema = z
  .string({ error: (iss) => (iss.input === undefined ? "occurredAt is required" : `occurredAt must be a string, not ${show(iss.input)}`) })
  .superRefine((s, ctx) => {
    if (!z.iso.datetime({ offset: true }).safeParse(s).success || Number.isNaN(Date.parse(s)) || !sameCalendarDate(s)) {
      ctx.addIssue({ code: "custom", input: s, message: `occurredAt ${show(s)} is not an ISO 8601 date-time with offset (e.g. 2026-03-01T09:30:00Z)` });
    } else if (Date.parse(s) > Date.now() + FUTURE_SKEW_MS) {
      ctx.addIssue({ code: "custom", input: s, message: `occurredAt ${s} is in the future` });
    }
  });

/** Rejects 2026-02-30 (Date.parse rolls it over to March). */
function sameCalendarDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
}

export const treatmentCreateSchema = objectWithoutUnknownKeys({
  kind: z.enum(TREATMENT_KINDS, {
    error: (iss) => (iss.input === undefined ? "kind is required" : `kind must be one of ${TREATMENT_KINDS.join(", ")}, not ${show(iss.input)}`),
  }),
  text: z
    .union([z.string().trim().max(500, "text must be at most 500 characters"), z.null()], {
      error: (iss) => `text must be text or null, not ${show(iss.input)}`,
    })
    .optional()
    .transform((v) => (v ? v : null)),
  occurredAt: occurredAtSchema,
}).superRefine((t, ctx) => {
  if (t.kind === "other" && !t.text) {
    ctx.addIssue({ code: "custom", path: ["text"], input: t.text, message: 'text is required for kind "other" (1 to 500 characters)' });
  }
});

export type TreatmentCreateInput = z.input<typeof treatmentCreateSchema>;
