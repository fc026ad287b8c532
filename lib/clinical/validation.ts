// zod 4 schemas for measure values, assessments and the flag CLI's input. The same schemas
// validate the HTTP API and the browser form, so this file imports nothing from Node. Error
// messages name the code, side, value and range, because a clinician reads them in the form.

import { z } from "zod";
import { isOnStep, nearestOnStep } from "./decimal";
import {
  allowedSides,
  MEASURE_CODES,
  MEASURES,
  RED_FLAG_CODES,
  SIDES,
  type MeasureCode,
  type Side,
} from "./measures";

// JSON has no Infinity, but JSON.parse reads 1e400 as one: name it, not "null".
const show = (v: unknown): string =>
  v === undefined ? "nothing" : typeof v === "number" && !Number.isFinite(v) ? `${v} (too large)` : JSON.stringify(v);

function sideNote(side: Side): string {
  return side === "none" ? "" : ` (${side})`;
}

export function rangeText(code: MeasureCode): string {
  const m = MEASURES[code];
  return `${m.min}..${m.max}`;
}

/** Cross-field checks of one value against the catalog; `at` prefixes each issue's path. */
function checkMeasure(
  v: { code: MeasureCode; side: Side; value: number },
  addIssue: (path: (string | number)[], message: string) => void,
): void {
  const m = MEASURES[v.code];
  const sides = allowedSides(v.code);
  if (!sides.includes(v.side)) {
    addIssue(
      ["side"],
      `side "${v.side}" is not allowed for ${v.code} (use ${sides.join(" or ")})`,
    );
    return;
  }
  if (v.value < m.min || v.value > m.max) {
    // Wording starts as in the contract: "57 is outside -30..45 for ankle_df_nwb_ext_deg".
    addIssue(["value"], `${v.value} is outside ${rangeText(v.code)} for ${v.code}${sideNote(v.side)}`);
    return;
  }
  if (!isOnStep(v.value, m.step)) {
    const where = v.side === "none" ? "" : `${v.side}; `;
    addIssue(
      ["value"],
      `${v.value} is not a multiple of the step ${m.step} for ${v.code} (${where}range ${rangeText(v.code)})`,
    );
  }
}

export const measureCodeSchema = z.enum(MEASURE_CODES, {
  error: (iss) =>
    iss.input === undefined ? "measure code is required" : `unknown measure code ${show(iss.input)}`,
});

export const sideSchema = z.enum(SIDES, {
  error: (iss) =>
    iss.input === undefined
      ? "side is required (left, right or none)"
      : `side must be left, right or none, not ${show(iss.input)}`,
});

export const measureValueSchema = z
  .object({
    code: measureCodeSchema,
    side: sideSchema,
    value: z.number({
      error: (iss) =>
        iss.input === undefined ? "value is required" : `value must be a number, not ${show(iss.input)}`,
    }),
    // null as GET answers it for "no method" (a visit read back can be sent back).
    method: z.string().max(200, "method note is longer than 200 characters").nullish().transform((v) => v ?? undefined),
  })
  .superRefine((v, ctx) => {
    checkMeasure(v, (path, message) => ctx.addIssue({ code: "custom", path, message, input: v }));
  })
  // A value within float noise of its step is stored as the step multiple itself (15.000000000001 → 15).
  .transform((v) => ({ ...v, value: nearestOnStep(v.value, MEASURES[v.code].step) }));

export type MeasureValue = z.infer<typeof measureValueSchema>;

export const redFlagSchema = z.enum(RED_FLAG_CODES, {
  error: (iss) =>
    iss.input === undefined ? "red-flag code is required" : `unknown red-flag code ${show(iss.input)}`,
});

/** A real calendar date-time with an offset ("Z" or "+01:00"); 2026-02-30 is rejected. */
export const takenAtSchema = z
  .string({ error: (iss) => (iss.input === undefined ? "takenAt is required" : `takenAt must be a string, not ${show(iss.input)}`) })
  .refine((s) => z.iso.datetime({ offset: true }).safeParse(s).success && isRealDate(s), {
    error: (iss) =>
      `${show(iss.input)} is not an ISO 8601 date-time with offset (e.g. 2026-03-01T09:30:00Z)`,
  });

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m || Number.isNaN(Date.parse(s))) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
}

export const assessmentInputSchema = z
  .object({
    takenAt: takenAtSchema,
    measures: z.array(measureValueSchema).default([]),
    // Optional here (the flag CLI: absent = no screen recorded); a new visit through the API or
    // the form must send it (lib/assessments/input.ts).
    redFlags: z.array(redFlagSchema).optional(),
    notes: z.string().max(5000, "notes are longer than 5000 characters").nullish().transform((v) => v ?? undefined),
  })
  .superRefine((a, ctx) => {
    const seen = new Map<string, number>();
    a.measures.forEach((m, i) => {
      const key = `${m.code}:${m.side}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["measures", i],
          message: `${m.code}${sideNote(m.side)} is recorded twice in one assessment (also measures[${first}])`,
          input: m,
        });
      } else seen.set(key, i);
    });
    const flags = new Set<string>();
    a.redFlags?.forEach((f, i) => {
      if (flags.has(f)) {
        ctx.addIssue({ code: "custom", path: ["redFlags", i], message: `${f} is ticked twice`, input: f });
      }
      flags.add(f);
    });
  });

export type AssessmentInputParsed = z.infer<typeof assessmentInputSchema>;

export const SEXES = ["female", "male", "other", "unknown"] as const;

export const patientForEvaluationSchema = z.object({
  heightCm: z
    .number({ error: (iss) => `heightCm must be a number, not ${show(iss.input)}` })
    .refine((v) => v >= 50 && v <= 250, { error: (iss) => `${show(iss.input)} is outside 50..250 for heightCm` })
    .nullable()
    .optional(),
  sex: z
    .enum(SEXES, { error: (iss) => `sex must be female, male, other or unknown, not ${show(iss.input)}` })
    .optional(),
  birthDate: z.iso
    .date({ error: (iss) => `${show(iss.input)} is not a date (YYYY-MM-DD)` })
    .optional(),
});

/** The flag CLI's input (contract section 2): one patient and their assessments. */
export const historyInputSchema = z.object({
  patient: patientForEvaluationSchema.optional(),
  assessments: z.array(assessmentInputSchema, {
    error: (iss) =>
      iss.input === undefined ? "assessments is required (an array)" : `assessments must be an array, not ${show(iss.input)}`,
  }),
});

export type HistoryInput = z.infer<typeof historyInputSchema>;

/** Zod path → the contract's form: assessments[0].measures[1].value */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "input" : out;
}

export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** "assessments[0].measures[1].value: 57 is outside -30..45 for ankle_df_nwb_ext_deg (left)" */
export function formatIssue(issue: IssueLike): string {
  return `${formatPath(issue.path)}: ${issue.message}`.replace(/\s*[\r\n]+\s*/g, " ");
}

export function firstIssueLine(error: { issues: readonly IssueLike[] }): string {
  const first = error.issues[0];
  return first ? formatIssue(first) : "input: invalid";
}

/** Every issue as { path, message }, for the API's 400 `issues` list. */
export function issueList(error: { issues: readonly IssueLike[] }): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}
