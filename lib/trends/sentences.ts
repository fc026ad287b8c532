// The sentence under each chart, in words, from the engine's trend output (lib/clinical/trends):
// "Left lunge test distance +2.0 cm since 10 Jan 2026: real change, better." No number here is
// computed afresh: delta, label, direction, plateau and method change all come from the Trend.

import { MEASURES, type MeasureCode, type Side } from "@/lib/clinical/measures";
import { formatAmount, formatDate, formatValue, lowercaseFirst } from "@/lib/clinical/format";
import type { Trend, TrendLabel } from "@/lib/clinical/types";

export const LABEL_WORDS: Record<TrendLabel, string> = {
  within_error: "no change beyond measurement error",
  real_change: "real change",
  important_change: "important change",
  unrated: "unrated (no measurement error known for this measure)",
};

/** "Left lunge test distance", "Oswestry (ODI)": side first, then the short label. */
export function seriesName(code: MeasureCode, side: Side): string {
  const label = MEASURES[code].shortLabel;
  if (side === "none") return label;
  // Keep acronyms ("LEFS", "FAAM-ADL") as written; lower-case ordinary words after the side.
  return `${side === "left" ? "Left" : "Right"} ${lowercaseFirst(label)}`;
}

/** "+2.0 cm", "−3 points", "0 points". Uses the typographic minus so it reads as a sign. */
export function signedAmount(code: MeasureCode, delta: number): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "\u2212" : "";
  return `${sign}${formatAmount(code, delta)}`;
}

/** A yes/no finding (trendelenburg_pelvis_dropped): shown as a table of answers, not a line chart. */
export function isYesNo(code: MeasureCode): boolean {
  return MEASURES[code].unit === "yes/no";
}

/** "Left pelvis dropped in stance: yes on 12 Mar 2026 (first recorded: no, 10 Jan 2026)." */
export function yesNoSentence(code: MeasureCode, side: Side, points: readonly { value: number; takenAt: string }[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${seriesName(code, side)}: not recorded.`;
  const latest = `${seriesName(code, side)}: ${formatValue(code, last.value)} on ${formatDate(last.takenAt)}`;
  return points.length === 1 ? `${latest}.` : `${latest} (first recorded: ${formatValue(code, first.value)}, ${formatDate(first.takenAt)}).`;
}

export function trendSentence(trend: Trend): string {
  const name = seriesName(trend.code, trend.side);
  let text = `${name} ${signedAmount(trend.code, trend.delta)} since ${formatDate(trend.baselineTakenAt)}: ${LABEL_WORDS[trend.label]}`;
  // A direction only means something once the change is beyond measurement error.
  const meaningful = trend.label === "real_change" || trend.label === "important_change" || trend.label === "unrated";
  if (meaningful && (trend.direction === "better" || trend.direction === "worse")) text += `, ${trend.direction}`;
  text += ".";
  // A pain rating whose latest value is 0 reads "pain-free" (rules.md v2).
  if (trend.painFree) text += " Latest rating 0/10: pain-free.";
  if (trend.plateau) text += " Plateau: the last three values lie within measurement error of each other.";
  if (trend.methodChanged) text += " The method changed during this series: compare values across the change with care.";
  return text;
}

/** For a series with a single value the engine gives no trend: say so rather than stay silent. */
export function singleValueSentence(code: MeasureCode, side: Side, value: number, takenAt: string): string {
  return `${seriesName(code, side)}: one value so far (${formatValue(code, value)} on ${formatDate(takenAt)}), no trend yet.`;
}
