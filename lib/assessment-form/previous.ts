// "The patient's previous value beside each field": the latest recorded value per code+side
// among a patient's visits, optionally only visits before a given one (for corrections). Pure.
import type { Side } from "@/lib/clinical/measures";

export interface PreviousValue {
  value: number;
  method: string | null;
  takenAt: string;
}

interface VisitLike {
  id: string;
  takenAt: string;
  deletedAt?: string | null;
  measures: { code: string; side: Side; value: number; method: string | null }[];
}

/** Keyed "code:side". Visits may come in any order; deleted visits never count. */
export function latestValues(visits: VisitLike[], options: { before?: { id: string; takenAt: string } } = {}): Record<string, PreviousValue> {
  const before = options.before;
  const usable = visits
    .filter((v) => !v.deletedAt && v.id !== before?.id)
    .filter((v) => !before || Date.parse(v.takenAt) <= Date.parse(before.takenAt))
    .sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const out: Record<string, PreviousValue> = {};
  for (const visit of usable) {
    for (const m of visit.measures) out[`${m.code}:${m.side}`] = { value: m.value, method: m.method, takenAt: visit.takenAt };
  }
  return out;
}

/**
 * The method each measure was last recorded with (either side, the later one), so a new visit
 * starts with it: the same clinic usually measures the same way, and the method sits behind a
 * "change method" control instead of in every row's Tab path.
 */
export function lastMethods(previous: Record<string, PreviousValue>): Record<string, string> {
  const out: Record<string, string> = {};
  const when: Record<string, number> = {};
  for (const [key, p] of Object.entries(previous)) {
    const method = p.method?.trim();
    if (!method) continue;
    const code = key.split(":")[0] ?? "";
    const time = Date.parse(p.takenAt);
    if (when[code] === undefined || time > when[code]) {
      out[code] = method;
      when[code] = time;
    }
  }
  return out;
}
