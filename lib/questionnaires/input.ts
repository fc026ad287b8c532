// The `questionnaires[]` of an assessment body (contract section 3), checked and scored, and the
// visit's measures merged with the computed scores. Pure (zod-free, no server imports): the API,
// the form's server action and the amendment path share it. Paths follow the contract's style,
// e.g. `questionnaires[0].answers[5]: 7 is outside 0..4`.
import { INSTRUMENTS, INSTRUMENT_CODES, ITEM_ANSWERS_METHOD, TOTAL_ENTERED_METHOD, type Instrument, type PsfsActivity, type QuestionnaireCode } from "./instruments";
import { scoreItemAnswers, scorePsfs } from "./scoring";

const show = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

export interface PathIssue {
  path: (string | number)[];
  message: string;
}

/** A questionnaire that passed its validity rule, with its score on the measure's step. */
export type ScoredQuestionnaire =
  | { instrument: Exclude<Instrument, "psfs">; code: QuestionnaireCode; value: number; answers: (number | null)[] }
  | { instrument: "psfs"; code: "psfs_mean"; value: number; activities: PsfsActivity[] };

export const MAX_QUESTIONNAIRES = INSTRUMENTS.length;

export function parseQuestionnaires(input: unknown): { questionnaires: ScoredQuestionnaire[]; issues: PathIssue[] } {
  if (input === undefined || input === null) return { questionnaires: [], issues: [] };
  if (!Array.isArray(input)) {
    return { questionnaires: [], issues: [{ path: ["questionnaires"], message: `questionnaires must be a list, not ${show(input)}` }] };
  }
  const issues: PathIssue[] = [];
  const questionnaires: ScoredQuestionnaire[] = [];
  const seen = new Map<string, number>();
  input.forEach((entry: unknown, i) => {
    const at = (...rest: (string | number)[]) => ["questionnaires", i, ...rest];
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      issues.push({ path: at(), message: `each questionnaire must be an object { instrument, answers } or { instrument: "psfs", activities }, not ${show(entry)}` });
      return;
    }
    const body = entry as Record<string, unknown>;
    const instrument = body.instrument;
    if (typeof instrument !== "string" || !(INSTRUMENTS as readonly string[]).includes(instrument)) {
      issues.push({
        path: at("instrument"),
        message: instrument === undefined ? `instrument is required (${INSTRUMENTS.join(", ")})` : `instrument must be one of ${INSTRUMENTS.join(", ")}, not ${show(instrument)}`,
      });
      return;
    }
    const allowed = instrument === "psfs" ? ["instrument", "activities"] : ["instrument", "answers"];
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) issues.push({ path: at(key), message: `unknown field for ${instrument} (allowed: ${allowed.join(", ")})` });
    }
    if (seen.has(instrument)) {
      issues.push({ path: at("instrument"), message: `${instrument} is sent twice (also questionnaires[${seen.get(instrument)}])` });
      return;
    }
    seen.set(instrument, i);
    if (instrument === "psfs") {
      const result = scorePsfs(body.activities);
      if (!result.ok) issues.push(...result.issues.map((issue) => ({ path: at(...issue.path), message: issue.message })));
      else questionnaires.push({ instrument: "psfs", code: "psfs_mean", value: result.value, activities: result.activities });
    } else {
      const item = instrument as Exclude<Instrument, "psfs">;
      const result = scoreItemAnswers(item, body.answers);
      if (!result.ok) issues.push(...result.issues.map((issue) => ({ path: at(...issue.path), message: issue.message })));
      else questionnaires.push({ instrument: item, code: INSTRUMENT_CODES[item], value: result.value, answers: body.answers as (number | null)[] });
    }
  });
  return { questionnaires, issues };
}

/** Questionnaire totals that may be typed directly (ODI only ever is: it is scored on paper). */
export const TOTAL_CODES: readonly string[] = [...Object.values(INSTRUMENT_CODES), "odi_percent"];

interface MeasureLike {
  code: string;
  side: "left" | "right" | "none";
  value: number;
  method?: string | undefined;
}

/**
 * The visit's measures with each questionnaire's score added (method "item answers") and each
 * questionnaire total typed directly marked "total entered". A direct value for a code that is also
 * scored from answers is refused: the two could disagree and one would silently win. The value a
 * GET returned (same score, method "item answers") sent back with the answers is not a conflict.
 */
export function mergeScores<M extends MeasureLike>(measures: readonly M[], questionnaires: readonly ScoredQuestionnaire[]): { measures: M[]; issues: PathIssue[] } {
  const scored = new Map(questionnaires.map((q, i) => [q.code as string, { q, i }]));
  const issues: PathIssue[] = [];
  const kept: M[] = [];
  measures.forEach((m, i) => {
    const hit = scored.get(m.code);
    if (!hit) {
      kept.push(TOTAL_CODES.includes(m.code) && !m.method?.trim() ? { ...m, method: TOTAL_ENTERED_METHOD } : m);
      return;
    }
    if (m.method?.trim() === ITEM_ANSWERS_METHOD && m.value === hit.q.value) return;
    issues.push({
      path: ["measures", i],
      message: `${m.code} is scored from the item answers in questionnaires[${hit.i}] (${hit.q.value}): send the answers or the total, not both`,
    });
  });
  for (const q of questionnaires) kept.push({ code: q.code, side: "none", value: q.value, method: ITEM_ANSWERS_METHOD } as M);
  return { measures: kept, issues };
}

/** A questionnaire as stored (answers JSON) from its scored form. */
export function storedAnswers(q: ScoredQuestionnaire): (number | null)[] | PsfsActivity[] {
  return q.instrument === "psfs" ? q.activities : q.answers;
}
