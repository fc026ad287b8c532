// Trajectory → visits: turns the patient specs of demo-patients.ts into dated assessments with
// measure values. Pure and deterministic (a seeded PRNG, no Math.random, dates relative to `now`),
// so the seed and the unit test see exactly the same data and the test can run the flag engine on
// it without a database.

import { roundTo } from "../clinical/decimal";
import { MEASURES, stepDecimals, type MeasureCode, type RedFlagCode, type Side } from "../clinical/measures";
import type { PatientHistory } from "../clinical/types";
import { prng } from "./prng";
import {
  DEFAULT_TRACKS,
  DEMO_CLINIC_PATIENTS,
  NORTHSIDE_PATIENTS,
  type Keys,
  type PatientSpec,
  type TrackSpec,
} from "./demo-patients";

export type ClinicKey = "demo" | "northside";

export interface GeneratedMeasure {
  code: MeasureCode;
  side: Side;
  value: number;
  method?: string;
}

export interface GeneratedVisit {
  takenAt: Date;
  rater: "clinician" | "admin";
  notes?: string;
  redFlags: RedFlagCode[];
  measures: GeneratedMeasure[];
}

export interface GeneratedPatient {
  clinic: ClinicKey;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: PatientSpec["sex"];
  heightCm: number;
  mrn?: string;
  diagnosisSide: PatientSpec["diagnosisSide"];
  story: string;
  spec: PatientSpec;
  visits: GeneratedVisit[];
}

const DAY_MS = 86_400_000;

/**
 * Largest jitter (in the measure's unit) added to interior visits, about a third to a half of the
 * measurement error so the charts look measured rather than drawn with a ruler, while trends and
 * same-visit comparisons stay where the story puts them. Integer scores (FPI, pain, leg length)
 * get none: their per-visit values are written out where the wobble matters.
 */
const JITTER: Record<MeasureCode, number> = {
  ankle_df_wblt_cm: 0.3,
  ankle_df_wblt_deg: 1.5,
  ankle_df_nwb_ext_deg: 1,
  ankle_df_nwb_flex_deg: 1,
  fpi6_total: 0,
  navicular_drop_mm: 0.5,
  hip_abd_hhd_n: 0, // relative: see HHD_JITTER_FRACTION
  trendelenburg_hold_s: 2,
  trendelenburg_pelvis_dropped: 0,
  knee_fppa_deg: 1.5,
  pelvic_drop_deg: 0.5,
  thomas_hip_deg: 1,
  thomas_knee_deg: 2,
  leg_length_diff_mm: 0,
  pain_heel_nprs: 0,
  pain_first_step_nprs: 0,
  pain_hip_nprs: 0,
  pain_back_nprs: 0,
  odi_percent: 1,
  lefs_score: 1,
  faam_adl_percent: 1.5,
  faam_sports_percent: 2,
  psfs_mean: 0.2,
  gait_speed_mps: 0.02,
  cadence_spm: 2,
  body_mass_kg: 0.6,
  waist_cm: 0.5,
  work_on_feet_h: 0,
  activity_km_week: 2,
};
/** Dynamometer error scales with force (MDC 15 %); 2 % keeps persistent asymmetries in their band. */
const HHD_JITTER_FRACTION = 0.02;

/** FNV-1a, to seed each (patient, code, side) series independently of the order of the specs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Value of a keyframe track at visit i of n (keyframes spread evenly; exact at the ends). */
export function interpolate(keys: Keys, i: number, n: number): number {
  if (typeof keys === "number") return keys;
  const [first] = keys;
  if (first === undefined) throw new Error("empty keyframe list");
  if (keys.length === 1 || n <= 1) return first;
  const t = (i / (n - 1)) * (keys.length - 1);
  const k = Math.min(Math.floor(t), keys.length - 2);
  const a = keys[k]!;
  const b = keys[k + 1]!;
  return a + (b - a) * (t - k);
}

/** Round onto the measure's step grid and keep inside its valid range (never outside measures.md). */
function snap(code: MeasureCode, value: number): number {
  const { step, min, max } = MEASURES[code];
  const onGrid = roundTo(Math.round(value / step) * step, stepDecimals(code));
  return Math.min(max, Math.max(min, onGrid));
}

function resolveIndex(i: number, n: number): number {
  return i < 0 ? n + i : i;
}

/** The (side, keyframes) series a track records for this patient. */
function seriesOf(code: MeasureCode, t: TrackSpec, dx: PatientSpec["diagnosisSide"]): [Side, Keys][] {
  if (MEASURES[code].sides === "none") return t.N === undefined ? [] : [["none", t.N]];
  const left = t.L ?? (dx === "right" ? t.U : t.A);
  let right = t.R ?? (dx === "left" ? t.U : t.A);
  // Leg length is recorded once, on the shorter side (measures.md).
  if (code === "leg_length_diff_mm" && left !== undefined) right = undefined;
  const out: [Side, Keys][] = [];
  if (left !== undefined) out.push(["left", left]);
  if (right !== undefined) out.push(["right", right]);
  return out;
}

function recordedAt(t: TrackSpec, i: number, n: number): boolean {
  if (t.at) return t.at.some((k) => resolveIndex(k, n) === i);
  const every = t.every ?? 1;
  return i % every === 0 || i === n - 1;
}

function visitDates(spec: PatientSpec, now: Date): Date[] {
  const n = spec.visits;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const lastDay = today - spec.lastDaysAgo * DAY_MS;
  const firstDay = lastDay - spec.spanDays * DAY_MS;
  const rand = prng(hash(`${spec.given} ${spec.family}|dates`));
  const dates: Date[] = [];
  for (let i = 0; i < n; i++) {
    const base = n === 1 ? lastDay : firstDay + Math.round((spec.spanDays * i) / (n - 1)) * DAY_MS;
    // Interior visits move up to 3 days either way, as real bookings do; the ends stay fixed.
    const shift = i > 0 && i < n - 1 ? Math.round(rand() * 6 - 3) * DAY_MS : 0;
    // Clinic hours, 08:00 to 16:45 UTC, in quarter hours.
    const minutes = 8 * 60 + Math.floor(rand() * 36) * 15;
    dates.push(new Date(base + shift + minutes * 60_000));
  }
  return dates;
}

function trackValue(code: MeasureCode, keys: Keys, i: number, n: number, rand: () => number): number {
  const exact = typeof keys !== "number" && keys.length === n;
  const interior = i > 0 && i < n - 1;
  let value = interpolate(keys, i, n);
  if (interior && !exact) {
    const amplitude = code === "hip_abd_hhd_n" ? value * HHD_JITTER_FRACTION : JITTER[code];
    value += (rand() * 2 - 1) * amplitude;
  }
  return snap(code, value);
}

export function generatePatient(spec: PatientSpec, clinic: ClinicKey, now: Date): GeneratedPatient {
  const n = spec.visits;
  const dates = visitDates(spec, now);
  const omit = new Set(spec.omit ?? []);
  const tracks = new Map<MeasureCode, TrackSpec>();
  for (const code of Object.keys(MEASURES) as MeasureCode[]) {
    if (omit.has(code)) continue;
    const merged = { ...DEFAULT_TRACKS[code], ...spec.tracks[code] };
    if (Object.keys(merged).length > 0) tracks.set(code, merged);
  }
  const visits: GeneratedVisit[] = dates.map((takenAt) => ({ takenAt, rater: "clinician", redFlags: [], measures: [] }));
  for (const [code, t] of tracks) {
    for (const [side, keys] of seriesOf(code, t, spec.diagnosisSide)) {
      const rand = prng(hash(`${spec.given} ${spec.family}|${code}|${side}`));
      for (let i = 0; i < n; i++) {
        const value = trackValue(code, keys, i, n, rand);
        if (!recordedAt(t, i, n)) continue;
        const method = t.methodFrom && i >= resolveIndex(t.methodFrom[0], n) ? t.methodFrom[1] : t.method;
        visits[i]!.measures.push({ code, side, value, ...(method ? { method } : {}) });
      }
    }
  }
  for (const [k, flags] of Object.entries(spec.redFlags ?? {})) visits[resolveIndex(Number(k), n)]!.redFlags = flags;
  for (const [k, text] of Object.entries(spec.notes ?? {})) visits[resolveIndex(Number(k), n)]!.notes = text;
  for (const k of spec.adminRated ?? []) visits[resolveIndex(k, n)]!.rater = "admin";
  return {
    clinic,
    givenName: spec.given,
    familyName: spec.family,
    birthDate: spec.birthDate,
    sex: spec.sex,
    heightCm: spec.heightCm,
    ...(spec.mrn ? { mrn: spec.mrn } : {}),
    diagnosisSide: spec.diagnosisSide,
    story: spec.story,
    spec,
    visits,
  };
}

/** Every demo patient of both clinics with their visits (oldest first), relative to `now`. */
export function generateDemoPatients(now: Date = new Date()): GeneratedPatient[] {
  return [
    ...DEMO_CLINIC_PATIENTS.map((s) => generatePatient(s, "demo", now)),
    ...NORTHSIDE_PATIENTS.map((s) => generatePatient(s, "northside", now)),
  ];
}

/** The flag engine's input (contract section 2) for one generated patient. */
export function toHistory(p: GeneratedPatient): PatientHistory {
  return {
    patient: { heightCm: p.heightCm, sex: p.sex, birthDate: p.birthDate },
    assessments: p.visits.map((v) => ({
      takenAt: v.takenAt.toISOString(),
      measures: v.measures.map((m) => ({ ...m })),
      redFlags: [...v.redFlags],
      ...(v.notes ? { notes: v.notes } : {}),
    })),
  };
}
