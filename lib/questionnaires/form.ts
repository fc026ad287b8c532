// The assessment form's questionnaire answers and footwear, as typed (pure: the browser form, the
// draft store, the amend page and the unit tests share it). An item is "" (not entered yet), "0"-"4"
// or "na"; every item of a started form must be entered (N/A explicitly), so a skipped line on the
// paper is a choice, not an accident.
import { MEASURES } from "@/lib/clinical/measures";
import { FOOTWEAR_KINDS, type Footwear } from "@/lib/patients/history/schemas";
import { ITEM_INSTRUMENTS, ITEM_INSTRUMENT_DEFS, INSTRUMENT_CODES, ITEM_ANSWERS_METHOD, PSFS_DEF, type ItemInstrument, type QuestionnaireView } from "./instruments";
import { answeredCount, runningItemScore, scoreItemAnswers, scorePsfs } from "./scoring";

export interface QuestionnaireFormState {
  items: Partial<Record<ItemInstrument, string[]>>;
  psfs: { name: string; score: string }[];
}

export function emptyQuestionnaireForm(): QuestionnaireFormState {
  return { items: {}, psfs: [] };
}

export const NA = "na";

export function itemSelectId(instrument: ItemInstrument, index: number): string {
  return `q-${instrument}-item-${index + 1}`;
}
export function psfsNameId(index: number): string {
  return `q-psfs-${index + 1}-name`;
}
export function psfsScoreId(index: number): string {
  return `q-psfs-${index + 1}-score`;
}
export const PSFS_GROUP_ID = "q-psfs";
export const FOOTWEAR_ID = "footwear";
export function instrumentGroupId(instrument: ItemInstrument): string {
  return `q-${instrument}`;
}

/** The words the error summary uses for a questionnaire field id, or undefined for other ids. */
export function questionnaireFieldLabel(id: string): string | undefined {
  const item = /^q-(faam_adl|faam_sports|lefs)-item-(\d+)$/.exec(id);
  if (item) return `${ITEM_INSTRUMENT_DEFS[item[1] as ItemInstrument].label} item ${item[2]}`;
  const group = /^q-(faam_adl|faam_sports|lefs)$/.exec(id);
  if (group) return `${ITEM_INSTRUMENT_DEFS[group[1] as ItemInstrument].label} item answers`;
  const psfs = /^q-psfs-(\d+)-(name|score)$/.exec(id);
  if (psfs) return `PSFS activity ${psfs[1]} ${psfs[2]}`;
  if (id === PSFS_GROUP_ID) return "PSFS activities";
  if (id === FOOTWEAR_ID) return "Footwear";
  return undefined;
}

function itemValue(text: string): number | null | undefined {
  if (text === NA) return null;
  if (/^[0-4]$/.test(text)) return Number(text);
  return undefined;
}

export function isStarted(answers: readonly string[] | undefined): boolean {
  return !!answers && answers.some((a) => a !== "");
}

function psfsRowsInUse(rows: QuestionnaireFormState["psfs"]) {
  return rows.filter((r) => r.name.trim() !== "" || r.score !== "");
}

/** The running score line of one item questionnaire. */
export function runningSummary(instrument: ItemInstrument, answers: readonly string[] = []) {
  const def = ITEM_INSTRUMENT_DEFS[instrument];
  const values = answers.map(itemValue);
  const entered = answers.filter((a) => a !== "").length;
  const answered = answeredCount(values);
  const score = runningItemScore(instrument, values);
  const valid = entered === def.items && answered >= def.minAnswered;
  return { entered, answered, score, valid, items: def.items, unit: MEASURES[def.code].unitSymbol.trim() };
}

export function psfsRunningMean(rows: QuestionnaireFormState["psfs"]): number | null {
  const scores = psfsRowsInUse(rows)
    .map((r) => (/^(10|[0-9])$/.test(r.score) ? Number(r.score) : undefined))
    .filter((s): s is number => s !== undefined);
  if (!scores.length) return null;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
}

/** Client-side errors keyed by field id, checked with the same scoring rules as the server. */
export function questionnaireErrors(q: QuestionnaireFormState | undefined, typedValues: Partial<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!q) return errors;
  for (const instrument of ITEM_INSTRUMENTS) {
    const answers = q.items[instrument];
    if (!isStarted(answers)) continue;
    const def = ITEM_INSTRUMENT_DEFS[instrument];
    const missing = answers!.map((a, i) => (a === "" ? i : -1)).filter((i) => i >= 0);
    for (const i of missing) errors[itemSelectId(instrument, i)] = def.minAnswered === def.items ? "Choose 0 to 4" : "Choose 0 to 4, or N/A";
    if (!missing.length) {
      const result = scoreItemAnswers(instrument, answers!.map(itemValue));
      if (!result.ok) errors[instrumentGroupId(instrument)] = result.issues[0]!.message;
    }
    const code = INSTRUMENT_CODES[instrument];
    if ((typedValues[`${code}:none`] ?? "").trim() !== "") {
      errors[`m-${code}-none`] = `${def.label} is scored from the item answers below: clear this total or the answers`;
    }
  }
  const rows = psfsRowsInUse(q.psfs);
  if (rows.length) {
    q.psfs.forEach((r, i) => {
      if (r.name.trim() === "" && r.score === "") return;
      if (!r.name.trim()) errors[psfsNameId(i)] = "Name the activity (in the patient's words)";
      if (r.score === "") errors[psfsScoreId(i)] = "Choose a score 0 to 10";
    });
    if (rows.length < PSFS_DEF.minActivities || rows.length > PSFS_DEF.maxActivities) {
      errors[PSFS_GROUP_ID] = `PSFS needs ${PSFS_DEF.minActivities} to ${PSFS_DEF.maxActivities} activities, not ${rows.length}`;
    } else if (!Object.keys(errors).some((id) => id.startsWith("q-psfs-"))) {
      const result = scorePsfs(rows.map((r) => ({ name: r.name, score: Number(r.score) })));
      if (!result.ok) errors[PSFS_GROUP_ID] = result.issues[0]!.message;
    }
    if ((typedValues["psfs_mean:none"] ?? "").trim() !== "") {
      errors["m-psfs_mean-none"] = "PSFS is scored from the activities below: clear this mean or the activities";
    }
  }
  return errors;
}

export type QuestionnairePayloadItem =
  | { instrument: ItemInstrument; answers: (number | null)[] }
  | { instrument: "psfs"; activities: { name: string; score: number }[] };

/** The body's questionnaires[] (started forms only); call after questionnaireErrors found nothing. */
export function toQuestionnairePayload(q: QuestionnaireFormState | undefined): QuestionnairePayloadItem[] {
  if (!q) return [];
  const out: QuestionnairePayloadItem[] = [];
  for (const instrument of ITEM_INSTRUMENTS) {
    const answers = q.items[instrument];
    if (isStarted(answers)) out.push({ instrument, answers: answers!.map((a) => itemValue(a) ?? null) });
  }
  const rows = psfsRowsInUse(q.psfs);
  if (rows.length) out.push({ instrument: "psfs", activities: rows.map((r) => ({ name: r.name.trim(), score: Number(r.score) })) });
  return out;
}

export function toFootwear(text: string | undefined): Footwear | null {
  return (FOOTWEAR_KINDS as readonly string[]).includes(text ?? "") ? (text as Footwear) : null;
}

/** A stored visit's answers back into form text (amend page); scored codes leave the typed totals. */
export function questionnaireFormFromVisit(questionnaires: readonly QuestionnaireView[]): QuestionnaireFormState {
  const state = emptyQuestionnaireForm();
  for (const q of questionnaires) {
    if (q.instrument === "psfs") state.psfs = q.activities.map((a) => ({ name: a.name, score: String(a.score) }));
    else state.items[q.instrument] = q.answers.map((a) => (a === null ? NA : String(a)));
  }
  return state;
}

/** Codes whose value in a stored visit comes from item answers (not to be shown as typed totals). */
export function scoredCodes(visit: { measures: readonly { code: string; method: string | null }[]; questionnaires: readonly QuestionnaireView[] }): Set<string> {
  const fromAnswers = new Set<string>(visit.questionnaires.map((q) => q.code));
  return new Set(visit.measures.filter((m) => fromAnswers.has(m.code) && m.method === ITEM_ANSWERS_METHOD).map((m) => m.code));
}

/** Empty answer slots for a newly opened questionnaire. */
export function blankAnswers(instrument: ItemInstrument): string[] {
  return Array.from({ length: ITEM_INSTRUMENT_DEFS[instrument].items }, () => "");
}
