// Axes shared by every chart on the trends page: one time domain (small multiples must line up)
// with tick labels computed here, on the server, so the client draws exactly what the server drew
// (no locale or time-zone formatting in the browser, hence no hydration differences).

import { formatDate } from "@/lib/format/dates";
import { roundTo } from "@/lib/clinical/decimal";

const DAY_MS = 86_400_000;

export interface TimeTick {
  time: number;
  label: string;
}

/** The window [start, end] with a small margin so the first and last points are not on the frame. */
export function timeDomain(start: number, end: number): [number, number] {
  if (end <= start) return [start - 7 * DAY_MS, start + 7 * DAY_MS];
  const pad = Math.max((end - start) * 0.04, DAY_MS);
  return [Math.floor(start - pad), Math.ceil(end + pad)];
}

function isoOf(time: number): string {
  return new Date(time).toISOString();
}

/** Month starts (UTC) inside the domain, thinned to at most `max` ticks; days when shorter than ~2 months. */
export function timeTicks([start, end]: [number, number], max = 6): TimeTick[] {
  const span = end - start;
  if (span < 60 * DAY_MS) {
    const ticks: TimeTick[] = [];
    const step = Math.max(1, Math.ceil(span / DAY_MS / max)) * DAY_MS;
    for (let t = Math.ceil(start / DAY_MS) * DAY_MS; t <= end; t += step) ticks.push({ time: t, label: formatDate(isoOf(t), "UTC") });
    return ticks;
  }
  const s = new Date(start);
  const months: number[] = [];
  for (let m = 0; ; m++) {
    const t = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1 + m, 1);
    if (t > end) break;
    months.push(t);
  }
  // Every `every` months, counted from year 0 so that the ticks fall on Januaries (and on even
  // years for 24, every fifth year for 60…) across the WHOLE domain: counting by month of the year
  // alone made every step of 12 or more keep every January, and the first seven of a ten-year
  // window filled the axis while the years with the visits went unlabelled.
  const every =
    [1, 2, 3, 4, 6, 12, 24].find((n) => Math.ceil(months.length / n) <= max) ?? 12 * Math.ceil(months.length / 12 / max);
  return months
    .filter((t) => {
      const d = new Date(t);
      return (d.getUTCFullYear() * 12 + d.getUTCMonth()) % every === 0;
    })
    .slice(0, max + 1)
    .map((t) => ({ time: t, label: formatDate(isoOf(t), "UTC").replace(/^1 /, "") }));
}

/**
 * A value domain holding every number to show (values, bands), padded by 10 % and kept inside the
 * measure's valid range, rounded outwards to a tidy step so axis labels read cleanly.
 */
export function valueDomain(numbers: readonly number[], validMin: number, validMax: number): [number, number] {
  const finite = numbers.filter(Number.isFinite);
  if (finite.length === 0) return [validMin, validMax];
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  const span = high - low || Math.max(Math.abs(high) * 0.1, 1);
  low -= span * 0.1;
  high += span * 0.1;
  const step = span > 50 ? 10 : span > 10 ? 1 : span > 2 ? 0.5 : span > 0.5 ? 0.1 : 0.01;
  low = Math.max(validMin, roundTo(Math.floor(low / step) * step, 4));
  high = Math.min(validMax, roundTo(Math.ceil(high / step) * step, 4));
  return low < high ? [low, high] : [validMin, validMax];
}
