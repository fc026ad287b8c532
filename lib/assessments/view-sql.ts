// A visit as the API and the pages see it (AssessmentView), built from ONE SQL row: the visit, its
// rater, the amending and deleting users' names, and its values and answers as JSON text. The
// ORM sent four or five statements for the same (the visit, its rater, its values, its answers,
// and the names when it was amended or deleted). Every API write answers with the visit it wrote,
// so this is on each write's path. The reads select from the tables; the insert of a new visit
// selects from its own RETURNING rows (lib/assessments/mutations.ts).
import { MEASURE_CODES } from "@/lib/clinical/measures";
import type { Footwear } from "@/lib/patients/history/schemas";
import { INSTRUMENTS, INSTRUMENT_CODES, type QuestionnaireView } from "@/lib/questionnaires/instruments";
import type { AssessmentView, MeasureValueView, PersonRef } from "./queries";

type MeasureTuple = [code: string, side: MeasureValueView["side"], value: number, method: string | null];
type QuestionnaireTuple = [instrument: (typeof INSTRUMENTS)[number], answers: unknown, score: number];

/** A visit as one row: instants as epoch milliseconds, its values and answers as JSON text. */
export type AssessmentRow = {
  id: string;
  patientId: string;
  takenAt: number;
  redFlags: string[];
  notes: string | null;
  footwear: Footwear | null;
  createdAt: number;
  amendedAt: number | null;
  amendedById: string | null;
  amendedByName: string | null;
  amendReason: string | null;
  deletedAt: number | null;
  deletedById: string | null;
  deletedByName: string | null;
  deleteReason: string | null;
  raterId: string;
  raterName: string;
  measures: string;
  questionnaires: string;
};

const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * A visit's people, joined to a visit aliased `a`: its rater (`r`), and who amended (`am`) and
 * deleted (`de`) it. Those two have no relation in the schema; they are joined within the visit's
 * clinic, so a user of another clinic is never named (personOrNull says "unknown user").
 */
export const VISIT_PEOPLE_JOINS = `
    JOIN "User" r ON r."id" = a."raterId"
    LEFT JOIN "User" am ON am."id" = a."amendedById" AND am."clinicId" = a."clinicId"
    LEFT JOIN "User" de ON de."id" = a."deletedById" AND de."clinicId" = a."clinicId"`;

/** Who amended or deleted a visit, from its id and the joined name. */
export const personOrNull = (id: string | null, name: string | null): PersonRef | null => (id ? { id, name: name ?? "unknown user" } : null);

/**
 * The SELECT of a visit row from `visits` (aliased `a`), with its values from `values` (rows `m`)
 * and its answers from `answers` (rows `q`), and its people (VISIT_PEOPLE_JOINS).
 */
export function visitViewSelect(visits: string, values: string, answers: string): string {
  return `
  SELECT a."id"::text AS "id", a."patientId"::text AS "patientId", ${epochMs('a."takenAt"')} AS "takenAt",
         a."redFlags", a."notes", a."footwear"::text AS "footwear", ${epochMs('a."createdAt"')} AS "createdAt",
         ${epochMs('a."amendedAt"')} AS "amendedAt", a."amendedById"::text AS "amendedById", am."name" AS "amendedByName", a."amendReason",
         ${epochMs('a."deletedAt"')} AS "deletedAt", a."deletedById"::text AS "deletedById", de."name" AS "deletedByName", a."deleteReason",
         a."raterId"::text AS "raterId", r."name" AS "raterName",
         COALESCE((SELECT json_agg(json_build_array(m."code", m."side", m."value", m."method") ORDER BY m."code", m."side")
                     FROM ${values}), '[]'::json)::text AS "measures",
         COALESCE((SELECT json_agg(json_build_array(q."instrument", q."answers", q."score")) FROM ${answers}), '[]'::json)::text AS "questionnaires"
    FROM ${visits}${VISIT_PEOPLE_JOINS}`;
}

/** Stored visits; the caller adds the WHERE (always with the clinic). */
export const VISIT_VIEW_SELECT = visitViewSelect(
  `"Assessment" a`,
  `"MeasureValue" m WHERE m."assessmentId" = a."id"`,
  `"QuestionnaireResponse" q WHERE q."assessmentId" = a."id"`,
);

const catalogOrder = new Map<string, number>(MEASURE_CODES.map((code, index) => [code, index]));
const sideOrder = { left: 0, right: 1, none: 2 } as const;

/** Measures in catalog order, left before right, so every reader sees one stable order. */
function sortedMeasures(measures: MeasureTuple[]): MeasureValueView[] {
  return measures
    .map(([code, side, value, method]) => ({ code, side, value, method }))
    .sort((a, b) => (catalogOrder.get(a.code) ?? 999) - (catalogOrder.get(b.code) ?? 999) || sideOrder[a.side] - sideOrder[b.side]);
}

/** Stored answers as the API shows them, in instrument order (FAAM ADL, FAAM Sports, LEFS, PSFS). */
function questionnaireViews(rows: QuestionnaireTuple[]): QuestionnaireView[] {
  return [...rows]
    .sort((a, b) => INSTRUMENTS.indexOf(a[0]) - INSTRUMENTS.indexOf(b[0]))
    .map(([instrument, answers, score]) =>
      instrument === "psfs"
        ? { instrument: "psfs", activities: answers as { name: string; score: number }[], code: "psfs_mean", value: score }
        : { instrument, answers: answers as (number | null)[], code: INSTRUMENT_CODES[instrument], value: score },
    );
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toView(row: AssessmentRow): AssessmentView {
  return {
    id: row.id,
    patientId: row.patientId,
    takenAt: iso(row.takenAt),
    measures: sortedMeasures(JSON.parse(row.measures) as MeasureTuple[]),
    redFlags: row.redFlags,
    notes: row.notes,
    footwear: row.footwear,
    questionnaires: questionnaireViews(JSON.parse(row.questionnaires) as QuestionnaireTuple[]),
    rater: { id: row.raterId, name: row.raterName },
    createdAt: iso(row.createdAt),
    amendedAt: isoOrNull(row.amendedAt),
    amendedBy: personOrNull(row.amendedById, row.amendedByName),
    amendReason: row.amendReason,
    deletedAt: isoOrNull(row.deletedAt),
    deletedBy: personOrNull(row.deletedById, row.deletedByName),
    deleteReason: row.deleteReason,
  };
}
