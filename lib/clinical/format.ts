// Display helpers for explanations: dates as a clinician writes them ("12 Mar 2026"), values with
// their unit, sides in words. Pure string functions, shared by flags, trends and referral notes.

import { MEASURES, stepDecimals, type MeasureCode, type Side } from "./measures";
import { roundTo } from "./decimal";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "2026-03-12T09:30:00+01:00" → "12 Mar 2026". Uses the calendar date as written in the
 * timestamp (the clinic's local date), not the server's time zone.
 */
export function formatDate(takenAt: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(takenAt);
  if (!m) return takenAt;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** A number as recorded, to the measure's step precision, without trailing zeros. */
export function formatNumber(value: number, decimals: number): string {
  const rounded = roundTo(value, decimals);
  return String(rounded);
}

/** "4°", "12.5 cm", "+7", "3/10"; a yes/no finding (1/0) reads "yes" or "no". */
export function formatValue(code: MeasureCode, value: number): string {
  const m = MEASURES[code];
  if (m.unit === "yes/no") return value === 1 ? "yes" : value === 0 ? "no" : String(value);
  const text = formatNumber(value, stepDecimals(code));
  const signed = code === "fpi6_total" && value > 0 ? `+${text}` : text;
  return `${signed}${m.unitSymbol}`;
}

/** An amount of change in the measure's unit: "2 points" for scores, "0.1 m/s", "2.5°". */
export function formatAmount(code: MeasureCode, amount: number): string {
  const m = MEASURES[code];
  const decimals = stepDecimals(code);
  if (m.ucum === "{score}" || m.unit === "%") {
    const text = formatNumber(Math.abs(amount), decimals);
    return `${text} point${text === "1" ? "" : "s"}`;
  }
  // Fixed decimals for physical units so a threshold reads as written in rules.md: "0.10 m/s".
  return `${roundTo(Math.abs(amount), decimals).toFixed(decimals)}${m.unitSymbol}`;
}

export function sideWord(side: Side): string {
  return side === "left" ? "left" : side === "right" ? "right" : "";
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Percentage for display with one decimal ("14.3 %"). */
export function formatPercent(value: number): string {
  return `${roundTo(value, 1).toFixed(1)} %`;
}

/**
 * A derived number (asymmetry %, BMI) shown next to its threshold: one decimal normally, more
 * when one decimal would make a value just under the threshold read as equal to it.
 */
export function formatNear(value: number, threshold: number, decimals = 1): string {
  for (let d = decimals; d <= 4; d++) {
    const shown = roundTo(value, d);
    if (shown !== roundTo(threshold, 9) || roundTo(value, 9) === roundTo(threshold, 9)) {
      return shown.toFixed(d);
    }
  }
  return roundTo(value, 4).toFixed(4);
}
