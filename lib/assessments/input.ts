// Checks an assessment body against THE assessment schema (lib/clinical/validation.ts) plus what
// only the server knows: unknown keys (the shared schema strips them) and takenAt in the future.
// Every issue is collected, so one 400 lists every bad field.
import { z } from "zod";
import type { RedFlagCode } from "@/lib/clinical/measures";
import { assessmentInputSchema, type AssessmentInputParsed } from "@/lib/clinical/validation";
import { ValidationError, type FieldIssue } from "@/lib/errors/app-errors";
import { unknownKeyIssues } from "@/lib/validation/unknown-keys";
import { toFieldIssues } from "@/lib/validation/parse";
import { mergeScores, parseQuestionnaires, type ScoredQuestionnaire } from "@/lib/questionnaires/input";
import { footwearSchema, type Footwear } from "@/lib/patients/history/schemas";

/** Clocks of tablets and servers disagree by a little; more than this is a typo, not skew. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** An assessment body's fields (the API, the form and the flag CLI's input). */
export const ASSESSMENT_KEYS = ["takenAt", "measures", "redFlags", "notes", "questionnaires", "footwear"] as const;
const MEASURE_KEYS = ["code", "side", "value", "method"] as const;

function shapeIssues(input: unknown, extraKeys: readonly string[] = []): FieldIssue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [{ path: "body", message: "the assessment must be a JSON object" }];
  }
  const issues = unknownKeyIssues(input, [...ASSESSMENT_KEYS, ...extraKeys]);
  const measures = (input as { measures?: unknown }).measures;
  if (Array.isArray(measures)) {
    measures.forEach((m, i) => issues.push(...unknownKeyIssues(m, MEASURE_KEYS, ["measures", i])));
  }
  return toFieldIssues(issues);
}

function futureIssue(takenAt: string, now: number): FieldIssue[] {
  if (Date.parse(takenAt) <= now + FUTURE_SKEW_MS) return [];
  return [{ path: "takenAt", message: `takenAt ${takenAt} is in the future (more than ${FUTURE_SKEW_MS / 60_000} minutes ahead of the server clock)` }];
}

/**
 * A visit dated before the patient was born is a typo (a wrong year), refused. The date is read
 * as written, in the visit's own offset ("2026-03-01T23:30-05:00" is 1 March, where it was taken).
 */
export function assertNotBeforeBirth(takenAt: string, birthDate: string): void {
  const visitDay = takenAt.slice(0, 10);
  if (visitDay < birthDate) {
    throw new ValidationError([{ path: "takenAt", message: `the visit date ${visitDay} is before the patient's birth date ${birthDate}` }]);
  }
}

/** A visit as stored: its measures include the questionnaires' computed scores. */
export type AssessmentInput = AssessmentInputParsed & { redFlags: RedFlagCode[]; questionnaires: ScoredQuestionnaire[]; footwear: Footwear | null };

function footwearIssues(body: unknown): { footwear: Footwear | null | undefined; issues: FieldIssue[] } {
  const value = typeof body === "object" && body !== null ? (body as { footwear?: unknown }).footwear : undefined;
  const parsed = footwearSchema.safeParse(value);
  if (parsed.success) return { footwear: parsed.data, issues: [] };
  return { footwear: undefined, issues: parsed.error.issues.map((i) => ({ path: "footwear", message: i.message })) };
}

/** The questionnaires scored and their scores merged into the measures (issues named as in the contract). */
export function scoreVisit(
  measures: AssessmentInputParsed["measures"] | undefined,
  questionnaires: ScoredQuestionnaire[],
): { measures: AssessmentInputParsed["measures"]; issues: FieldIssue[] } {
  const merged = mergeScores(measures ?? [], questionnaires);
  return { measures: merged.measures, issues: toFieldIssues(merged.issues) };
}

/** A new visit's body: { takenAt, measures[], redFlags[], notes?, questionnaires[]?, footwear? }. */
export function parseAssessmentInput(input: unknown, now = Date.now()): AssessmentInput {
  const issues = shapeIssues(input);
  const result = assessmentInputSchema.safeParse(input);
  if (result.success) issues.push(...futureIssue(result.data.takenAt, now));
  else issues.push(...toFieldIssues(result.error.issues));
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
  // An absent screen must not read as a clear one: the red-flag rules read the latest visit's
  // screen, so a visit saved without it would silently clear an emergency flag from the one before.
  if (isObject && (input as { redFlags?: unknown }).redFlags === undefined) {
    issues.push({ path: "redFlags", message: "redFlags is required: the red-flag screen's ticked items, or [] when none is ticked" });
  }
  const questionnaires = parseQuestionnaires(isObject ? (input as { questionnaires?: unknown }).questionnaires : undefined);
  issues.push(...toFieldIssues(questionnaires.issues));
  const footwear = footwearIssues(input);
  issues.push(...footwear.issues);
  const scored = result.success && questionnaires.issues.length === 0 ? scoreVisit(result.data.measures, questionnaires.questionnaires) : null;
  if (scored) issues.push(...scored.issues);
  if (issues.length) throw new ValidationError(dedupe(issues));
  return { ...result.data!, redFlags: result.data!.redFlags!, measures: scored!.measures, questionnaires: questionnaires.questionnaires, footwear: footwear.footwear ?? null };
}

export const amendReasonSchema = z
  .string({ error: (iss) => (iss.input === undefined ? "reason is required: say why the visit is corrected" : `reason must be text, not ${JSON.stringify(iss.input)}`) })
  .trim()
  .min(3, "reason must be 3 to 500 characters")
  .max(500, "reason must be 3 to 500 characters");

export interface AmendmentInput {
  reason: string;
  /** Absent: the visit keeps its date. */
  takenAt?: string;
  /** As sent: the questionnaires' scores are merged in by the mutation (it knows the stored answers). */
  measures: AssessmentInputParsed["measures"];
  redFlags: RedFlagCode[];
  /** Absent: the notes stay; null or "": they are cleared. */
  notes?: string | null;
  /** Absent: the stored answers stay (and are scored again); []: they are removed with their scores. */
  questionnaires?: ScoredQuestionnaire[];
  /** Absent: the footwear stays; null: cleared. */
  footwear?: Footwear | null;
}

/** A correction's body: the full corrected visit plus a reason. */
export function parseAmendmentInput(input: unknown, now = Date.now()): AmendmentInput {
  const issues = shapeIssues(input, ["reason"]);
  if (issues.length && issues[0]!.path === "body") throw new ValidationError(issues);
  const body = input as Record<string, unknown>;
  for (const field of ["measures", "redFlags"] as const) {
    if (body[field] === undefined) issues.push({ path: field, message: `${field} is required: send the full corrected list` });
  }
  const reason = amendReasonSchema.safeParse(body.reason);
  if (!reason.success) issues.push(...reason.error.issues.map((i) => ({ path: "reason", message: i.message })));

  // The shared schema needs a takenAt; a placeholder stands in when the date is not corrected.
  const takenAtGiven = body.takenAt !== undefined;
  const notes = body.notes === null ? "" : body.notes;
  const visit = assessmentInputSchema.safeParse({
    takenAt: takenAtGiven ? body.takenAt : "2000-01-01T00:00:00Z",
    measures: body.measures,
    redFlags: body.redFlags,
    ...(notes !== undefined ? { notes } : {}),
  });
  if (visit.success && takenAtGiven) issues.push(...futureIssue(visit.data.takenAt, now));
  if (!visit.success) issues.push(...toFieldIssues(visit.error.issues));
  const questionnaires = body.questionnaires === undefined ? undefined : parseQuestionnaires(body.questionnaires);
  if (questionnaires) issues.push(...toFieldIssues(questionnaires.issues));
  const footwear = footwearIssues(body);
  issues.push(...footwear.issues);
  if (issues.length) throw new ValidationError(dedupe(issues));
  const data = visit.data!;
  return {
    reason: reason.data!,
    ...(takenAtGiven ? { takenAt: data.takenAt } : {}),
    measures: data.measures,
    redFlags: data.redFlags!, // required above
    ...(notes !== undefined ? { notes: data.notes || null } : {}),
    ...(questionnaires ? { questionnaires: questionnaires.questionnaires } : {}),
    ...(footwear.footwear !== undefined ? { footwear: footwear.footwear } : {}),
  };
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
