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

export const TREATMENT_RESPONSES = ["better", "same", "worse"] as const;
export type TreatmentResponse = (typeof TREATMENT_RESPONSES)[number];

/** An optional instant in the occurredAt format; null or absent = not recorded. */
function optionalInstant(field: string, options: { future: boolean }) {
  return z
    .union([z.string(), z.null()], { error: (iss) => `${field} must be an ISO 8601 date-time or null, not ${show(iss.input)}` })
    .optional()
    .superRefine((s, ctx) => {
      if (s === null || s === undefined) return;
      if (!z.iso.datetime({ offset: true }).safeParse(s).success || Number.isNaN(Date.parse(s)) || !sameCalendarDate(s)) {
        ctx.addIssue({ code: "custom", input: s, message: `${field} ${show(s)} is not an ISO 8601 date-time with offset (e.g. 2026-03-01T09:30:00Z)` });
      } else if (!options.future && Date.parse(s) > Date.now() + FUTURE_SKEW_MS) {
        ctx.addIssue({ code: "custom", input: s, message: `${field} ${s} is in the future` });
      }
    });
}

function optionalText(field: string, max: number) {
  return z
    .union([z.string().trim().max(max, `${field} must be at most ${max} characters`), z.null()], {
      error: (iss) => `${field} must be text or null, not ${show(iss.input)}`,
    })
    .optional();
}

/**
 * Dose and response (issue 18). Every field is optional, so existing clients keep working; the
 * same fields are what PATCH /api/v1/treatments/{id} changes (null clears one).
 */
const doseAndResponseShape = {
  /** A planned end may lie ahead (a six-week night-splint course). */
  endedAt: optionalInstant("endedAt", { future: true }),
  dose: optionalText("dose", 500),
  injectionAgent: optionalText("injectionAgent", 200),
  injectionCount: z
    .union([z.number().int("injectionCount must be a whole number").min(1, "injectionCount must be 1 to 20").max(20, "injectionCount must be 1 to 20"), z.null()], {
      error: (iss) => `injectionCount must be a whole number or null, not ${show(iss.input)}`,
    })
    .optional(),
  response: z
    .union([z.enum(TREATMENT_RESPONSES), z.null()], { error: (iss) => `response must be better, same, worse or null, not ${show(iss.input)}` })
    .optional(),
  reviewedAt: optionalInstant("reviewedAt", { future: false }),
};

type DoseAndResponse = { [K in keyof typeof doseAndResponseShape]?: z.output<(typeof doseAndResponseShape)[K]> };

/** Cross-field checks shared by create and update; `kind` and `occurredAt` as they will be stored. */
export function doseAndResponseIssues(t: DoseAndResponse, kind: TreatmentKind, occurredAt: string): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (kind !== "injection") {
    if (t.injectionAgent) issues.push({ path: ["injectionAgent"], message: "injectionAgent is only for kind injection" });
    if (t.injectionCount != null) issues.push({ path: ["injectionCount"], message: "injectionCount is only for kind injection" });
  }
  const start = Date.parse(occurredAt);
  if (t.endedAt && Date.parse(t.endedAt) < start) issues.push({ path: ["endedAt"], message: `endedAt ${t.endedAt} is before the start (occurredAt ${occurredAt})` });
  if (t.reviewedAt && Date.parse(t.reviewedAt) < start) {
    issues.push({ path: ["reviewedAt"], message: `reviewedAt ${t.reviewedAt} is before the start (occurredAt ${occurredAt})` });
  }
  if (t.reviewedAt && !t.response) issues.push({ path: ["response"], message: "response is required with reviewedAt (better, same or worse)" });
  return issues;
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
  ...doseAndResponseShape,
}).superRefine((t, ctx) => {
  if (t.kind === "other" && !t.text) {
    ctx.addIssue({ code: "custom", path: ["text"], input: t.text, message: 'text is required for kind "other" (1 to 500 characters)' });
  }
  for (const issue of doseAndResponseIssues(t, t.kind, t.occurredAt)) ctx.addIssue({ code: "custom", input: t, ...issue });
});

export const TREATMENT_UPDATE_FIELDS = ["text", ...Object.keys(doseAndResponseShape)] as (keyof TreatmentUpdate)[];

/** PATCH /api/v1/treatments/{id}: the details, dose and response; kind and start stay as recorded. */
export const treatmentUpdateSchema = objectWithoutUnknownKeys({
  text: optionalText("text", 500),
  ...doseAndResponseShape,
}).superRefine((patch, ctx) => {
  if (!Object.values(patch).some((v) => v !== undefined)) {
    ctx.addIssue({ code: "custom", path: [], input: patch, message: `send at least one field to change (text, ${Object.keys(doseAndResponseShape).join(", ")})` });
  }
});

export type TreatmentUpdateInput = z.input<typeof treatmentUpdateSchema>;
export type TreatmentUpdate = z.output<typeof treatmentUpdateSchema>;

export type TreatmentCreateInput = z.input<typeof treatmentCreateSchema>;
