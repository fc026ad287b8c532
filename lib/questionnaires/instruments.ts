// The questionnaires scored from item answers (clinical/measures.md, "Questionnaires scored from
// item responses"). Only item counts, answer ranges and scoring rules live here: the app never
// reproduces the items' wording (the authors' text); clinicians copy answers from the paper form.

export const ITEM_INSTRUMENTS = ["faam_adl", "faam_sports", "lefs"] as const;
export type ItemInstrument = (typeof ITEM_INSTRUMENTS)[number];
export const INSTRUMENTS = [...ITEM_INSTRUMENTS, "psfs"] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export type QuestionnaireCode = "faam_adl_percent" | "faam_sports_percent" | "lefs_score" | "psfs_mean";

export interface ItemInstrumentDef {
  instrument: ItemInstrument;
  code: QuestionnaireCode;
  label: string;
  items: number;
  /** Each answer is a whole number in min..max (4 = no difficulty). */
  min: 0;
  max: 4;
  /** Items that may be left N/A (null); the rest must be answered. */
  minAnswered: number;
  /** "percent": sum ÷ (4 × answered) × 100; "sum": the plain sum. */
  scoring: "percent" | "sum";
}

export const ITEM_INSTRUMENT_DEFS: Record<ItemInstrument, ItemInstrumentDef> = {
  faam_adl: { instrument: "faam_adl", code: "faam_adl_percent", label: "FAAM ADL", items: 21, min: 0, max: 4, minAnswered: 19, scoring: "percent" },
  faam_sports: { instrument: "faam_sports", code: "faam_sports_percent", label: "FAAM Sports", items: 8, min: 0, max: 4, minAnswered: 7, scoring: "percent" },
  lefs: { instrument: "lefs", code: "lefs_score", label: "LEFS", items: 20, min: 0, max: 4, minAnswered: 20, scoring: "sum" },
};

export const PSFS_DEF = {
  instrument: "psfs",
  code: "psfs_mean",
  label: "PSFS",
  minActivities: 3,
  maxActivities: 5,
  min: 0,
  max: 10,
  nameMaxLength: 100,
} as const;

export const INSTRUMENT_CODES: Record<Instrument, QuestionnaireCode> = {
  faam_adl: "faam_adl_percent",
  faam_sports: "faam_sports_percent",
  lefs: "lefs_score",
  psfs: "psfs_mean",
};

/** The method note stored with a measure value scored from item answers. */
export const ITEM_ANSWERS_METHOD = "item answers";
/** The method note of a questionnaire total typed directly (clinical/measures.md). */
export const TOTAL_ENTERED_METHOD = "total entered";

export interface PsfsActivity {
  name: string;
  score: number;
}

/** A questionnaire as stored with a visit and returned by the API, with its computed value. */
export type QuestionnaireView =
  | { instrument: ItemInstrument; answers: (number | null)[]; code: QuestionnaireCode; value: number }
  | { instrument: "psfs"; activities: PsfsActivity[]; code: "psfs_mean"; value: number };
