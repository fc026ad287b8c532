// Scoring questionnaires from item answers (clinical/measures.md): pure functions, no I/O, shared by
// the API, the form's running score and the demo seed. A form that does not meet the validity rule
// is refused with issues naming the field; it is never scored "as far as it goes".
import { decimalsOf, roundTo } from "@/lib/clinical/decimal";
import { MEASURES } from "@/lib/clinical/measures";
import { ITEM_INSTRUMENT_DEFS, PSFS_DEF, type ItemInstrument, type ItemInstrumentDef, type PsfsActivity, type QuestionnaireCode } from "./instruments";

const show = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

export interface ScoreIssue {
  /** Relative to the questionnaire: ["answers", 5], ["activities", 1, "score"], ["answers"]. */
  path: (string | number)[];
  message: string;
}

export type ScoreResult = { ok: true; value: number } | { ok: false; issues: ScoreIssue[] };

/** A score on its measure's step (0.1 for FAAM and PSFS, 1 for LEFS), rounded half away from zero. */
export function onMeasureStep(code: QuestionnaireCode, value: number): number {
  return roundTo(value, decimalsOf(MEASURES[code].step));
}

export function answeredCount(answers: readonly (number | null | undefined)[]): number {
  return answers.filter((a) => typeof a === "number").length;
}

/**
 * The score of the answers given so far, whether or not the form is complete (the form's running
 * score); null while nothing is answered. Not for storing: use scoreItemAnswers.
 */
export function runningItemScore(instrument: ItemInstrument, answers: readonly (number | null | undefined)[]): number | null {
  const def = ITEM_INSTRUMENT_DEFS[instrument];
  const given = answers.filter((a): a is number => typeof a === "number");
  if (given.length === 0) return null;
  const sum = given.reduce((a, b) => a + b, 0);
  return onMeasureStep(def.code, def.scoring === "percent" ? (sum * 100) / (def.max * given.length) : sum);
}

/** "19 of 21 items needed" (FAAM ADL), "all 20 items needed" (LEFS): the validity rule as the form shows it. */
export function validityRule(def: ItemInstrumentDef): string {
  return def.minAnswered === def.items ? `all ${def.items} items needed, no N/A` : `${def.minAnswered} of ${def.items} items needed`;
}

function answerIssue(def: ItemInstrumentDef, answer: unknown): string | null {
  if (answer === null) return def.minAnswered === def.items ? `${def.label} has no N/A: every item needs an answer ${def.min}..${def.max}` : null;
  if (typeof answer !== "number" || !Number.isFinite(answer)) return `must be a number ${def.min}..${def.max} or null (N/A), not ${show(answer)}`;
  if (answer < def.min || answer > def.max) return `${answer} is outside ${def.min}..${def.max}`;
  if (!Number.isInteger(answer)) return `${answer} is not a whole number ${def.min}..${def.max}`;
  return null;
}

/** Scores FAAM ADL, FAAM Sports or LEFS: exactly the instrument's item count, each 0-4 or null (N/A). */
export function scoreItemAnswers(instrument: ItemInstrument, answers: unknown): ScoreResult {
  const def = ITEM_INSTRUMENT_DEFS[instrument];
  if (!Array.isArray(answers)) {
    return { ok: false, issues: [{ path: ["answers"], message: `answers must be a list of ${def.items} answers (${def.min}..${def.max}, null = N/A), not ${show(answers)}` }] };
  }
  if (answers.length !== def.items) {
    return {
      ok: false,
      issues: [{ path: ["answers"], message: `${def.label} has ${def.items} items: send exactly ${def.items} answers (null = N/A), not ${answers.length}` }],
    };
  }
  const issues: ScoreIssue[] = [];
  answers.forEach((answer, i) => {
    const message = answerIssue(def, answer);
    if (message) issues.push({ path: ["answers", i], message });
  });
  if (issues.length) return { ok: false, issues };
  const answered = answeredCount(answers as (number | null)[]);
  if (answered < def.minAnswered) {
    return {
      ok: false,
      issues: [{ path: ["answers"], message: `${answered} of ${def.items} items answered: ${def.label} needs at least ${def.minAnswered} to be scored` }],
    };
  }
  return { ok: true, value: runningItemScore(instrument, answers as number[])! };
}

export interface PsfsScoreResult {
  ok: true;
  value: number;
  /** Names trimmed. */
  activities: PsfsActivity[];
}

/** Scores the PSFS: 3 to 5 activities named by the patient, each 0-10; the mean on a 0.1 step. */
export function scorePsfs(activities: unknown): PsfsScoreResult | { ok: false; issues: ScoreIssue[] } {
  const { minActivities: lo, maxActivities: hi, min, max, nameMaxLength } = PSFS_DEF;
  if (!Array.isArray(activities)) {
    return { ok: false, issues: [{ path: ["activities"], message: `activities must be a list of ${lo} to ${hi} { name, score }, not ${show(activities)}` }] };
  }
  if (activities.length < lo || activities.length > hi) {
    return { ok: false, issues: [{ path: ["activities"], message: `PSFS needs ${lo} to ${hi} activities, not ${activities.length}` }] };
  }
  const issues: ScoreIssue[] = [];
  const cleaned: PsfsActivity[] = [];
  const seen = new Map<string, number>();
  activities.forEach((activity: unknown, i) => {
    if (typeof activity !== "object" || activity === null || Array.isArray(activity)) {
      issues.push({ path: ["activities", i], message: `each activity must be { name, score }, not ${show(activity)}` });
      return;
    }
    const { name, score, ...rest } = activity as Record<string, unknown>;
    for (const key of Object.keys(rest)) issues.push({ path: ["activities", i, key], message: "unknown field (allowed: name, score)" });
    const trimmed = typeof name === "string" ? name.trim() : "";
    if (typeof name !== "string") issues.push({ path: ["activities", i, "name"], message: `name must be text (the activity in the patient's words), not ${show(name)}` });
    else if (!trimmed) issues.push({ path: ["activities", i, "name"], message: `name must not be empty (1 to ${nameMaxLength} characters)` });
    else if (trimmed.length > nameMaxLength) issues.push({ path: ["activities", i, "name"], message: `name must be at most ${nameMaxLength} characters` });
    else if (seen.has(trimmed.toLowerCase())) {
      issues.push({ path: ["activities", i, "name"], message: `"${trimmed}" is listed twice (also activities[${seen.get(trimmed.toLowerCase())}])` });
    } else seen.set(trimmed.toLowerCase(), i);
    if (typeof score !== "number" || !Number.isFinite(score)) issues.push({ path: ["activities", i, "score"], message: `score must be a number ${min}..${max}, not ${show(score)}` });
    else if (score < min || score > max) issues.push({ path: ["activities", i, "score"], message: `${score} is outside ${min}..${max}` });
    else if (!Number.isInteger(score)) issues.push({ path: ["activities", i, "score"], message: `${score} is not a whole number ${min}..${max}` });
    cleaned.push({ name: trimmed, score: score as number });
  });
  if (issues.length) return { ok: false, issues };
  const mean = cleaned.reduce((sum, a) => sum + a.score, 0) / cleaned.length;
  return { ok: true, value: onMeasureStep("psfs_mean", mean), activities: cleaned };
}
