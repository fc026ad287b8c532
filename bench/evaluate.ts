// Benchmark of the flag engine: evaluate() on synthetic histories of 250 to 2,000 visits with
// 20 values each. The goal (issue 3) is under 5 ms per evaluation at 1,000 visits, with cost
// growing linearly in the number of values (ns per value roughly constant across sizes).

import { evaluate } from "../lib/clinical/evaluate";
import type { MeasureCode, Side } from "../lib/clinical/measures";
import type { AssessmentInput, PatientHistory } from "../lib/clinical/types";

/** The 20 (code, side, low, high, step) series every synthetic visit records. */
const SERIES: [MeasureCode, Side, number, number, number][] = [
  ["ankle_df_wblt_cm", "left", 6, 14, 0.1],
  ["ankle_df_wblt_cm", "right", 6, 14, 0.1],
  ["ankle_df_nwb_ext_deg", "left", -5, 20, 0.5],
  ["ankle_df_nwb_ext_deg", "right", -5, 20, 0.5],
  ["ankle_df_nwb_flex_deg", "left", 5, 30, 0.5],
  ["ankle_df_nwb_flex_deg", "right", 5, 30, 0.5],
  ["fpi6_total", "left", -2, 11, 1],
  ["fpi6_total", "right", -2, 11, 1],
  ["hip_abd_hhd_n", "left", 120, 260, 0.1],
  ["hip_abd_hhd_n", "right", 120, 260, 0.1],
  ["trendelenburg_hold_s", "left", 10, 50, 1],
  ["trendelenburg_hold_s", "right", 10, 50, 1],
  ["pain_hip_nprs", "left", 0, 6, 1],
  ["pain_hip_nprs", "right", 0, 6, 1],
  ["pain_back_nprs", "none", 0, 7, 1],
  ["odi_percent", "none", 0, 40, 1],
  ["lefs_score", "none", 40, 80, 1],
  ["faam_adl_percent", "none", 50, 100, 0.1],
  ["gait_speed_mps", "none", 0.8, 1.5, 0.01],
  ["body_mass_kg", "none", 60, 110, 0.1],
];

/** Deterministic pseudo-random numbers so every run measures the same histories. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticHistory(visits: number, seed = 42): PatientHistory {
  const rand = lcg(seed);
  const start = Date.UTC(2000, 0, 1, 9, 30);
  const assessments: AssessmentInput[] = [];
  for (let i = 0; i < visits; i++) {
    const measures = SERIES.map(([code, side, low, high, step]) => {
      const steps = Math.round((high - low) / step);
      const value = Number((low + Math.floor(rand() * (steps + 1)) * step).toFixed(2));
      return { code, side, value };
    });
    assessments.push({
      // Weekly visits: a 2,000-visit history spans about 38 years, so staleness is exercised.
      takenAt: new Date(start + i * 7 * 86_400_000).toISOString(),
      measures,
      redFlags: [],
    });
  }
  return { patient: { heightCm: 170 }, assessments };
}

export interface EvaluateBenchRow {
  visits: number;
  values: number;
  iterations: number;
  msPerEvaluation: number;
  nsPerValue: number;
}

export interface EvaluateBenchResult {
  rows: EvaluateBenchRow[];
  goalMs: number;
  /** ms per evaluation at 1,000 visits × 20 values. */
  at1000: number | undefined;
  /** Largest / smallest ns per value across sizes: about 1 when growth is linear. */
  linearity: number;
}

function measure(history: PatientHistory, minMs: number): { iterations: number; ms: number } {
  for (let i = 0; i < 20; i++) evaluate(history); // warm up the JIT
  let iterations = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || iterations < 10) {
    evaluate(history);
    iterations++;
    elapsed = performance.now() - t0;
  }
  return { iterations, ms: elapsed / iterations };
}

export function runEvaluateBench(
  sizes: readonly number[] = [250, 500, 1000, 2000],
  minMsPerSize = 400,
): EvaluateBenchResult {
  // Warm the JIT on a mid-sized history first, so the smallest size is not charged for it.
  measure(syntheticHistory(1000, 7), minMsPerSize / 2);
  const rows = sizes.map((visits) => {
    const history = syntheticHistory(visits);
    const values = visits * SERIES.length;
    const { iterations, ms } = measure(history, minMsPerSize);
    return { visits, values, iterations, msPerEvaluation: ms, nsPerValue: (ms * 1e6) / values };
  });
  const perValue = rows.map((r) => r.nsPerValue);
  return {
    rows,
    goalMs: 5,
    at1000: rows.find((r) => r.visits === 1000)?.msPerEvaluation,
    linearity: Math.max(...perValue) / Math.min(...perValue),
  };
}
