// What the measure explorer (components/trends/explorer) draws for one measure over the whole
// history: a row per visit that has a value (time, visit, date, rater, and per side the value,
// its text with unit, method and flags), the value axis, the normal band, each side's MDC band
// around its baseline, and the treatment events. Pure and serialisable: built on the server from
// the trends page's own shaped data (lib/trends/chart-data), so both show the same numbers.
import type { Side } from "@/lib/clinical/measures";
import type { MeasureChart, TreatmentMarker } from "./chart-data";

export interface ExplorerValue {
  value: number;
  display: string;
  method: string | null;
  flags: string[];
  methodChanged: boolean;
}

export interface ExplorerRow {
  time: number;
  visitId: string | null;
  date: string;
  rater: string;
  values: Partial<Record<Side, ExplorerValue>>;
}

export interface ExplorerData {
  patientId: string;
  code: string;
  title: string;
  unit: string;
  sides: Side[];
  rows: ExplorerRow[];
  yDomain: [number, number];
  normal: { low: number; high: number; text: string } | null;
  mdc: { side: Side; low: number; high: number }[];
  treatments: { time: number; date: string; label: string }[];
}

export function explorerData(patientId: string, chart: MeasureChart, treatments: readonly TreatmentMarker[]): ExplorerData {
  const byTime = new Map<number, ExplorerRow>();
  for (const s of chart.series) {
    for (const p of s.points) {
      let row = byTime.get(p.time);
      if (!row) byTime.set(p.time, (row = { time: p.time, visitId: p.visitId, date: p.date, rater: p.rater, values: {} }));
      row.values[s.side] = { value: p.value, display: p.display, method: p.method, flags: p.flags, methodChanged: p.methodChangedFromPrevious };
    }
  }
  const [low, high] = chart.yDomain;
  return {
    patientId,
    code: chart.code,
    title: chart.title,
    unit: chart.unit,
    sides: chart.series.map((s) => s.side),
    rows: [...byTime.values()].sort((a, b) => a.time - b.time),
    yDomain: chart.yDomain,
    normal: chart.normalBand,
    mdc: chart.series.flatMap((s) => (s.mdcBand ? [{ side: s.side, low: Math.max(low, s.mdcBand.low), high: Math.min(high, s.mdcBand.high) }] : [])),
    treatments: treatments.map((t) => ({ time: t.time, date: t.date, label: t.label })),
  };
}
