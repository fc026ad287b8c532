// Builders for hand-written test histories. Only tests import this file.

import { evaluate } from "./evaluate";
import type { MeasureCode, RedFlagCode, Side } from "./measures";
import type { AssessmentInput, Evaluation, Flag, NotEvaluated, PatientHistory, RuleId } from "./types";

export type V = [code: MeasureCode, side: Side, value: number];

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 1, 9, 30); // 1 Jan 2026 09:30 UTC

/** ISO date-time `n` days after 1 Jan 2026 09:30 UTC. */
export function day(n: number): string {
  return new Date(START + n * DAY_MS).toISOString().replace(".000Z", "Z");
}

export function visit(takenAt: string, values: readonly V[], redFlags: RedFlagCode[] = []): AssessmentInput {
  return {
    takenAt,
    measures: values.map(([code, side, value]) => ({ code, side, value })),
    redFlags,
  };
}

export function history(visits: AssessmentInput[], heightCm?: number): PatientHistory {
  return { patient: heightCm === undefined ? {} : { heightCm }, assessments: visits };
}

/** Evaluate a single visit on day 0. */
export function evalOne(values: readonly V[], heightCm?: number): Evaluation {
  return evaluate(history([visit(day(0), values)], heightCm));
}

export function flagsOf(e: Evaluation, id: RuleId): Flag[] {
  return e.flags.filter((f) => f.id === id);
}

/** "left:moderate,right:high" summary of one rule's flags, for compact table expectations. */
export function fired(e: Evaluation, id: RuleId): string {
  return flagsOf(e, id)
    .map((f) => `${f.side}:${f.severity}`)
    .join(",");
}

export function notEvaluatedOf(e: Evaluation, id: RuleId): NotEvaluated | undefined {
  return e.notEvaluated.find((n) => n.id === id);
}

/** One visit per value list, 14 days apart (day 0, 14, 28…). */
export function visits(perVisit: readonly (readonly V[])[], heightCm?: number): Evaluation {
  return evaluate(history(perVisit.map((values, i) => visit(day(i * 14), values)), heightCm));
}

/** A series of one (code, side), one value per visit 14 days apart. */
export function series(code: MeasureCode, side: Side, values: readonly number[]): Evaluation {
  return visits(values.map((v) => [[code, side, v]] as V[]));
}
