// Display helpers for explanations: dates as a clinician writes them ("12 Mar 2026"), values with
// their unit, sides in words. Pure string functions, shared by flags, trends and referral notes.

import { MEASURES, stepDecimals, type MeasureCode, type Side } from "./measures";
import { roundTo } from "./decimal";


/**
 * The one formatDate (lib/format/dates): "12 Mar 2026", an instant's calendar date in the clinic's
 * time zone, so explanations, trends and the patient page agree on a late-evening visit's date.
 * Re-exported here because the rule modules format through ./format.
 */
export { formatDate } from "@/lib/format/dates";

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

/** For the middle of a sentence: "Left heel pain" → "left heel pain"; acronyms ("LEFS") stay. */
export function lowercaseFirst(text: string): string {
  return keepsCapital(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** Names that keep their capital mid-sentence: people's names (Thomas test, Oswestry) and titles. */
const PROPER_FIRST_WORDS = new Set(["Thomas", "Oswestry", "Trendelenburg"]);

function keepsCapital(text: string): boolean {
  if (/^[A-Z][A-Z]/.test(text)) return true; // an acronym: "LEFS", "FAAM-ADL"
  const [first = "", second = ""] = text.split(/[\s,]+/);
  // A title ("Foot Posture Index") capitalises its next word too.
  return PROPER_FIRST_WORDS.has(first) || /^[A-Z][a-z]/.test(second);
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
