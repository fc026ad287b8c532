// The assessment form's layout and per-field validation, as pure data and functions (no React), so
// the browser form, its server action and the unit tests share one reading of the catalog.
// Validation goes through THE measure schema (lib/clinical/validation.ts); this file only turns
// its verdict into words a clinician reads beside the field.
import {
  MEASURES,
  MEASURE_CODES,
  allowedSides,
  type FormSection,
  type MeasureCode,
  type Side,
} from "@/lib/clinical/measures";
import { measureValueSchema } from "@/lib/clinical/validation";

export interface FormSectionDef {
  id: FormSection;
  title: string;
  codes: MeasureCode[];
}

/** Sections in body order, foot up to back (ui.md), then the whole-body measures. */
const SECTION_TITLES: [FormSection, string][] = [
  ["ankle_calf", "Ankle and calf"],
  ["foot_posture", "Foot posture"],
  ["hip_pelvis", "Hip and pelvis"],
  ["leg_length", "Leg length"],
  ["pain", "Pain"],
  ["function_scores", "Function scores"],
  ["gait", "Gait"],
  ["body_mass", "Body mass and waist"],
  ["load", "Load: work and activity"],
];

/** A measure shown right after another rather than in catalog order (the pelvis question follows the hold time). */
const SHOWN_AFTER: Partial<Record<MeasureCode, MeasureCode>> = { trendelenburg_pelvis_dropped: "trendelenburg_hold_s" };

function sectionCodes(id: FormSection): MeasureCode[] {
  const codes = MEASURE_CODES.filter((code) => MEASURES[code].formSection === id && !SHOWN_AFTER[code]);
  for (const [code, after] of Object.entries(SHOWN_AFTER) as [MeasureCode, MeasureCode][]) {
    if (MEASURES[code].formSection !== id) continue;
    const at = codes.indexOf(after);
    codes.splice(at < 0 ? codes.length : at + 1, 0, code);
  }
  return codes;
}

export const FORM_SECTIONS: FormSectionDef[] = SECTION_TITLES.map(([id, title]) => ({ id, title, codes: sectionCodes(id) }));

export type FieldKey = `${MeasureCode}:${Side}`;

export function fieldKey(code: MeasureCode, side: Side): FieldKey {
  return `${code}:${side}`;
}

/** Every value field of the form, in tab order: section by section, left before right. */
export const FIELD_ORDER: { code: MeasureCode; side: Side; key: FieldKey }[] = FORM_SECTIONS.flatMap((s) =>
  s.codes.flatMap((code) => allowedSides(code).map((side) => ({ code, side, key: fieldKey(code, side) }))),
);

/** DOM ids, so the error summary can link to each field. */
export function valueInputId(code: MeasureCode, side: Side): string {
  return `m-${code}-${side}`;
}
export function methodInputId(code: MeasureCode): string {
  return `method-${code}`;
}

/** "deg" reads badly beside a number; everything else is shown as the catalog writes it. */
export function unitText(code: MeasureCode): string {
  const unit = MEASURES[code].unit;
  return unit === "deg" ? "°" : unit;
}

/** Scales ("0-10", "0-80", "score") are their own unit: "0 to 10 0-10" would read as noise. */
function isScale(code: MeasureCode): boolean {
  const unit = MEASURES[code].unit;
  return unit === "score" || /^0-\d+$/.test(unit);
}

/** "-30 to 45 °", "0 to 10": the range as the hint and the error messages name it. */
export function rangeWords(code: MeasureCode): string {
  const m = MEASURES[code];
  return isScale(code) ? `${m.min} to ${m.max}` : `${m.min} to ${m.max} ${unitText(code)}`;
}

/** The suffix beside the input: "cm", "°", "/10" for a 0-10 scale, nothing for a plain score. */
export function unitSuffix(code: MeasureCode): string {
  const unit = MEASURES[code].unit;
  if (unit === "score") return "";
  return /^0-\d+$/.test(unit) ? `/${unit.slice(2)}` : unitText(code);
}

/** The input's accessible name: "Lunge test distance, left (cm)". */
export function fieldLabel(code: MeasureCode, side: Side): string {
  const sidePart = side === "none" ? "" : `, ${side}`;
  return `${MEASURES[code].shortLabel}${sidePart} (${unitText(code)})`;
}

/**
 * "1,000" or "12,500": a comma before exactly three digits may be a thousands separator (1000) as
 * well as a decimal mark (1.000). Read as a decimal, a hip strength typed as "1,000" N was stored as
 * 1 N; so it is refused and the clinician asked to write it unambiguously ("0,500" is not ambiguous).
 */
export function isAmbiguousComma(raw: string): boolean {
  return /^[+-]?[1-9]\d{0,2},\d{3}$/.test(raw.trim());
}

/**
 * Text typed into a decimal field → number. A comma is taken as the decimal mark (tablets set to
 * other locales offer only ","); anything else that is not a plain decimal is rejected, not guessed.
 */
export function parseDecimalText(raw: string): number | undefined {
  if (isAmbiguousComma(raw)) return undefined;
  const text = raw.trim().replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The error to show beside one field, or undefined when it is fine (blank is fine: any subset of
 * measures may be recorded). The verdict is the shared schema's; the wording names the range.
 */
export function valueError(code: MeasureCode, side: Side, raw: string): string | undefined {
  if (raw.trim() === "") return undefined;
  const value = parseDecimalText(raw);
  const m = MEASURES[code];
  if (isAmbiguousComma(raw)) {
    const [whole, part] = raw.trim().split(",");
    return `“${raw.trim()}” could be ${whole}${part} or ${whole}.${part}: write it without the comma, or with a point for decimals`;
  }
  if (value === undefined) return `“${raw.trim()}” is not a number: enter ${rangeWords(code)}`;
  const result = measureValueSchema.safeParse({ code, side, value });
  if (result.success) return undefined;
  if (value < m.min || value > m.max) return `${value} is outside the range ${rangeWords(code)}`;
  if (result.error.issues.some((i) => i.path[0] === "value")) {
    return `${value} is not a multiple of ${m.step}: enter ${rangeWords(code)} in steps of ${m.step}`;
  }
  return result.error.issues[0]?.message ?? "not a valid value";
}

export const METHOD_MAX = 200;

export function methodError(raw: string): string | undefined {
  return raw.trim().length > METHOD_MAX ? `The method note is longer than ${METHOD_MAX} characters` : undefined;
}
