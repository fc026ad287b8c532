// Decimal-safe arithmetic for clinical values.
//
// Measure values are decimals on a known step grid (0.01 m/s, 0.1 cm, 0.5°…). Binary floating
// point cannot represent most of them exactly, so 1.2 - 1.1 is 0.09999999999999987 and a rule
// "gait speed fell by 0.10 m/s or more" would silently not fire. Every subtraction and every
// comparison against a threshold in the engine goes through these helpers instead.

/** Number of decimal places a step (or any plain decimal) carries: 0.01 → 2, 0.5 → 1, 1 → 0. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const text = String(x);
  const exp = text.match(/e-(\d+)$/);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Round half away from zero to `decimals` places, working on the scaled integer. */
export function roundTo(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.round(Math.abs(x) * factor + 1e-9) / factor;
  // The `+ 0` turns -0 into 0 so JSON never shows "-0".
  return (x < 0 ? -scaled : scaled) + 0;
}

/** a − b, exact to the given number of decimal places (the measure's step precision). */
export function subtract(a: number, b: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.round(a * factor) - Math.round(b * factor)) / factor + 0;
}

// Derived quantities (asymmetry %, BMI, percentage thresholds) are ratios, not grid values; they
// are compared after rounding to 9 places, far below any clinical resolution but far above the
// float noise, so 65 / 200 × 100 is exactly 32.5 for the comparison.
const COMPARE_DECIMALS = 9;

function settle(x: number): number {
  return roundTo(x, COMPARE_DECIMALS);
}

export function gte(a: number, b: number): boolean {
  return settle(a) >= settle(b);
}
export function gt(a: number, b: number): boolean {
  return settle(a) > settle(b);
}
export function lte(a: number, b: number): boolean {
  return settle(a) <= settle(b);
}
export function lt(a: number, b: number): boolean {
  return settle(a) < settle(b);
}

/** How far a value may sit from its step grid and still count as on it: float noise only
 * (0.1 + 0.2 = 0.30000000000000004), never a real digit a clinician typed. */
export const STEP_TOLERANCE = 1e-9;

/** The multiple of `step` nearest to `value`, written with the step's decimals (0.30000000000000004 → 0.3). */
export function nearestOnStep(value: number, step: number): number {
  return roundTo(Math.round(value / step) * step, Math.max(decimalsOf(step), 0));
}

/** Is `value` a whole multiple of `step`, to within STEP_TOLERANCE? (0.3 is on a 0.1 grid; 4.25 is not on 0.5.) */
export function isOnStep(value: number, step: number): boolean {
  return Number.isFinite(value) && Math.abs(value - nearestOnStep(value, step)) <= STEP_TOLERANCE;
}
