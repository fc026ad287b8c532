// What changed at a patient's latest visit: flags that are new or resolved compared with the
// evaluation of the visits before it, and measures whose step from the previous value is beyond
// measurement error. Computed when a visit is written (refreshPatientStatus) and stored on the
// patient, so the caseload reads it without evaluating any history. Pure.
import { evaluate } from "@/lib/clinical/evaluate";
import type { MeasureCode, Side } from "@/lib/clinical/measures";
import type { Evaluation, Flag, PatientHistory, Severity, TrendDirection, TrendLabel } from "@/lib/clinical/types";
import { seriesName, signedAmount } from "@/lib/trends/sentences";
import { labelAgainst } from "./change-label";

export interface FlagRef {
  id: string;
  side: Side;
  severity: Severity;
  title: string;
}

export interface MeasureChange {
  code: MeasureCode;
  side: Side;
  label: TrendLabel;
  direction: TrendDirection;
  /** "Right heel pain −3 points since the previous value: important change, better". */
  text: string;
}

export interface VisitChanges {
  newFlags: FlagRef[];
  resolvedFlags: FlagRef[];
  changes: MeasureChange[];
}

const keyOf = (f: Flag) => `${f.id}:${f.side}`;
const refOf = (f: Flag): FlagRef => ({ id: f.id, side: f.side, severity: f.severity, title: f.title });

/** Changes between the evaluation before the latest visit and `current` (the latest). */
export function visitChanges(history: PatientHistory, current: Evaluation = evaluate(history)): VisitChanges {
  const ordered = [...history.assessments].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const latest = ordered.at(-1);
  if (!latest) return { newFlags: [], resolvedFlags: [], changes: [] };
  const before = evaluate({ ...history, assessments: ordered.slice(0, -1) });
  const beforeKeys = new Set(before.flags.map(keyOf));
  const currentKeys = new Set(current.flags.map(keyOf));

  const changes: MeasureChange[] = [];
  for (const t of current.trends) {
    // Only series measured at the latest visit changed at it.
    if (Date.parse(t.latestTakenAt) !== Date.parse(latest.takenAt)) continue;
    // Judged against the previous value, percentages of it too (rules.md v2), not the baseline.
    const { delta, label, direction } = labelAgainst(t.code, t.previous, t.latest);
    if (label !== "real_change" && label !== "important_change") continue;
    const words = label === "important_change" ? "important change" : "real change";
    const dir = direction === "better" || direction === "worse" ? `, ${direction}` : "";
    const painFree = t.latest === 0 && t.code.startsWith("pain_") ? ", now pain-free" : "";
    changes.push({
      code: t.code,
      side: t.side,
      label,
      direction,
      text: `${seriesName(t.code, t.side)} ${signedAmount(t.code, delta)} since the previous value: ${words}${dir}${painFree}`,
    });
  }
  return {
    newFlags: current.flags.filter((f) => !beforeKeys.has(keyOf(f))).map(refOf),
    resolvedFlags: before.flags.filter((f) => !currentKeys.has(keyOf(f))).map(refOf),
    changes,
  };
}

/** Reads the stored JSON defensively (rows written before the column existed hold null). */
export function parseVisitChanges(value: unknown): VisitChanges {
  const v = (value ?? {}) as Partial<VisitChanges>;
  return {
    newFlags: Array.isArray(v.newFlags) ? v.newFlags : [],
    resolvedFlags: Array.isArray(v.resolvedFlags) ? v.resolvedFlags : [],
    changes: Array.isArray(v.changes) ? v.changes : [],
  };
}
