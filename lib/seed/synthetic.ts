// A synthetic clinic for load and scale work: `npm run cli -- seed-synthetic --patients 5000
// --visits 20`. Per-patient trajectories (improving, worsening, plateau) on both sides, every
// measure family, about 1 % red flags. Each visit records what a clinic records: a core set
// (heel, hip and back pain, weight-bearing lunge, foot posture, FAAM, gait speed) every time and
// the full screen (every code, both sides) at the first visit and every fourth one after, about
// 17 values per visit on average. The flag engine's evaluation, status and the latest visit's
// changes are computed while generating and stored with the patient (with STORED_EVALUATION_VERSION), exactly
// as refreshPatientStatus stores them. Rows go in with multi-row `INSERT … SELECT FROM unnest(…)` batches, one transaction per
// batch of patients.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { roundTo } from "../clinical/decimal";
import { evaluate } from "../clinical/evaluate";
import { STORED_EVALUATION_VERSION } from "../clinical/rules-version";
import { MEASURES, MEASURE_CODES, RED_FLAG_CODES, stepDecimals, type MeasureCode, type RedFlagCode, type Side } from "../clinical/measures";
import type { PatientHistory } from "../clinical/types";
import { prng } from "./prng";
import { visitChanges } from "../caseload/changes";

export interface SyntheticOptions {
  patients: number;
  visits: number;
  clinicId: string;
  raterId: string;
  now?: Date;
  /** Deterministic output for a given seed. */
  seed?: number;
  onProgress?: (patientsDone: number, total: number) => void;
}

export interface SyntheticCounts {
  patients: number;
  assessments: number;
  measures: number;
}

const GIVEN = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kemi", "Luca", "Mina", "Noor", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara"];
const FAMILY = ["Abbott", "Baker", "Cruz", "Diaz", "Evans", "Fox", "Garcia", "Hughes", "Ito", "Jones", "Khan", "Lee", "Moreau", "Novak", "Olsen", "Patel", "Quinn", "Rossi", "Singh", "Tanaka"];

/** Typical value for each measure, and how far a worsening trajectory moves it over the history. */
const TYPICAL: Partial<Record<MeasureCode, { mean: number; spread: number; drift: number }>> = {
  ankle_df_wblt_cm: { mean: 11, spread: 2.5, drift: -3 },
  ankle_df_wblt_deg: { mean: 33, spread: 5, drift: -6 },
  ankle_df_nwb_ext_deg: { mean: 14, spread: 6, drift: -8 },
  ankle_df_nwb_flex_deg: { mean: 24, spread: 6, drift: -6 },
  fpi6_total: { mean: 4, spread: 3, drift: 3 },
  navicular_drop_mm: { mean: 7, spread: 3, drift: 3 },
  hip_abd_hhd_n: { mean: 190, spread: 40, drift: -35 },
  trendelenburg_hold_s: { mean: 35, spread: 10, drift: -12 },
  pelvic_drop_deg: { mean: 4, spread: 1.5, drift: 2.5 },
  thomas_hip_deg: { mean: -3, spread: 5, drift: 5 },
  thomas_knee_deg: { mean: 70, spread: 8, drift: -8 },
  leg_length_diff_mm: { mean: 6, spread: 5, drift: 0 },
  pain_heel_nprs: { mean: 5, spread: 2, drift: 2 },
  pain_hip_nprs: { mean: 1, spread: 1, drift: 3 },
  pain_back_nprs: { mean: 1, spread: 1, drift: 3 },
  odi_percent: { mean: 12, spread: 8, drift: 14 },
  lefs_score: { mean: 62, spread: 10, drift: -12 },
  faam_adl_percent: { mean: 78, spread: 10, drift: -10 },
  gait_speed_mps: { mean: 1.25, spread: 0.15, drift: -0.15 },
  cadence_spm: { mean: 110, spread: 8, drift: -4 },
  body_mass_kg: { mean: 78, spread: 14, drift: 2 },
};

/** The codes the synthetic clinic records (the version-1 catalog: keeps bench data comparable). */
const SYNTHETIC_CODES = MEASURE_CODES.filter((code) => TYPICAL[code] !== undefined);

function onGrid(code: MeasureCode, value: number): number {
  const m = MEASURES[code];
  const clamped = Math.min(m.max, Math.max(m.min, value));
  return roundTo(Math.round(clamped / m.step) * m.step, stepDecimals(code));
}

interface SyntheticPatient {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: "female" | "male";
  heightCm: number;
  mrn: string;
  diagnosisSide: "left" | "right" | "both";
  history: PatientHistory;
}

/** Recorded at every visit; the rest of MEASURE_CODES at full-screen visits. */
export const CORE_CODES: readonly MeasureCode[] = [
  "pain_heel_nprs",
  "pain_hip_nprs",
  "pain_back_nprs",
  "ankle_df_wblt_cm",
  "fpi6_total",
  "faam_adl_percent",
  "gait_speed_mps",
];

/** Pure: one patient's record and visits (core set every visit, full screen every fourth). */
export function syntheticPatient(index: number, visits: number, now: Date, seed = 1): SyntheticPatient {
  const rand = prng(seed * 100_003 + index);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const trajectory = pick(["improving", "worsening", "plateau"] as const);
  const direction = trajectory === "improving" ? -0.6 : trajectory === "worsening" ? 1 : 0;
  const diagnosisSide = pick(["left", "right", "both"] as const);
  const sex = rand() < 0.6 ? "female" : "male";
  const heightCm = roundTo(sex === "female" ? 158 + rand() * 18 : 168 + rand() * 20, 1);
  const base = new Map<string, number>();
  for (const code of SYNTHETIC_CODES) {
    const t = TYPICAL[code]!;
    for (const side of sidesOf(code)) {
      const affected = side !== "none" && (diagnosisSide === "both" || diagnosisSide === side);
      base.set(`${code}:${side}`, t.mean + (rand() - 0.5) * 2 * t.spread + (affected ? t.drift * 0.3 : 0));
    }
  }
  const spanDays = 7 * visits + 30;
  const first = now.getTime() - spanDays * 86_400_000;
  const assessments: PatientHistory["assessments"] = [];
  const screenOffset = Math.floor(rand() * 4);
  for (let v = 0; v < visits; v++) {
    const fullScreen = v === 0 || (v + screenOffset) % 4 === 0;
    const progress = visits > 1 ? v / (visits - 1) : 0;
    const takenAt = new Date(first + Math.round((v / Math.max(1, visits - 1)) * (spanDays - 1) * 86_400_000) + 9 * 3_600_000);
    const measures = [];
    for (const code of SYNTHETIC_CODES) {
      const t = TYPICAL[code]!;
      const recorded = fullScreen || CORE_CODES.includes(code);
      for (const side of sidesOf(code)) {
        const affected = side !== "none" && (diagnosisSide === "both" || diagnosisSide === side);
        const noiseDraw = rand();
        if (!recorded || (code === "leg_length_diff_mm" && v > 0)) continue;
        const drift = t.drift * direction * progress * (affected || side === "none" ? 1 : 0.4);
        const noise = (noiseDraw - 0.5) * t.spread * 0.2;
        measures.push({ code, side, value: onGrid(code, base.get(`${code}:${side}`)! + drift + noise) });
      }
    }
    const redFlags: RedFlagCode[] = v === visits - 1 && rand() < 0.01 ? [pick(RED_FLAG_CODES)] : [];
    assessments.push({ takenAt: takenAt.toISOString(), measures, redFlags });
  }
  const birthYear = now.getUTCFullYear() - 25 - Math.floor(rand() * 50);
  const birthDate = `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
  return {
    id: randomUUID(),
    givenName: pick(GIVEN),
    familyName: `${pick(FAMILY)}-${index + 1}`,
    birthDate,
    sex,
    heightCm,
    mrn: `SYN-${String(index + 1).padStart(6, "0")}`,
    diagnosisSide,
    history: { patient: { heightCm, sex, birthDate }, assessments },
  };
}

function sidesOf(code: MeasureCode): Side[] {
  return MEASURES[code].sides === "bilateral" ? ["left", "right"] : ["none"];
}

const BATCH_PATIENTS = 50;

/** Inserts the synthetic patients through a pg pool; returns row counts. */
export async function seedSynthetic(pool: pg.Pool, options: SyntheticOptions): Promise<SyntheticCounts> {
  const now = options.now ?? new Date();
  const counts: SyntheticCounts = { patients: 0, assessments: 0, measures: 0 };
  const existing = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Patient" WHERE "clinicId" = $1`, [options.clinicId]);
  const offset = Number(existing.rows[0]!.n);
  for (let startAt = 0; startAt < options.patients; startAt += BATCH_PATIENTS) {
    const batch = Array.from({ length: Math.min(BATCH_PATIENTS, options.patients - startAt) }, (_, i) =>
      syntheticPatient(offset + startAt + i, options.visits, now, options.seed),
    );
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await insertBatch(client, batch, options);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    counts.patients += batch.length;
    for (const p of batch) {
      counts.assessments += p.history.assessments.length;
      counts.measures += p.history.assessments.reduce((n, a) => n + a.measures.length, 0);
    }
    options.onProgress?.(counts.patients, options.patients);
  }
  // A bulk load leaves the planner's statistics and the visibility map behind (autovacuum catches
  // up only later): the caseload's counts then sort 5,000 heap rows instead of reading the index
  // alone (4.7 ms against 1.3 ms, measured). Refresh them now, as after any bulk import.
  await pool.query(`VACUUM (ANALYZE) "Patient", "Assessment", "MeasureValue"`);
  return counts;
}

async function insertBatch(client: pg.PoolClient, batch: SyntheticPatient[], options: SyntheticOptions) {
  const p = { id: [] as string[], given: [] as string[], family: [] as string[], birth: [] as string[], sex: [] as string[], height: [] as number[], mrn: [] as string[], side: [] as string[], status: [] as string[], last: [] as string[], changes: [] as string[], evaluation: [] as string[] };
  const a = { id: [] as string[], patient: [] as string[], takenAt: [] as string[], redFlags: [] as string[] };
  const m = { assessment: [] as string[], code: [] as string[], side: [] as string[], value: [] as number[] };
  for (const patient of batch) {
    const evaluation = evaluate(patient.history);
    p.id.push(patient.id); p.given.push(patient.givenName); p.family.push(patient.familyName); p.birth.push(patient.birthDate);
    p.sex.push(patient.sex); p.height.push(patient.heightCm); p.mrn.push(patient.mrn); p.side.push(patient.diagnosisSide);
    p.status.push(evaluation.status); p.last.push(patient.history.assessments.at(-1)!.takenAt);
    p.changes.push(JSON.stringify(visitChanges(patient.history, evaluation)));
    p.evaluation.push(JSON.stringify(evaluation));
    for (const visit of patient.history.assessments) {
      const id = randomUUID();
      a.id.push(id); a.patient.push(patient.id); a.takenAt.push(visit.takenAt); a.redFlags.push(`{${(visit.redFlags ?? []).join(",")}}`);
      for (const value of visit.measures) {
        m.assessment.push(id); m.code.push(value.code); m.side.push(value.side); m.value.push(value.value);
      }
    }
  }
  await client.query(
    `INSERT INTO "Patient" (id, "clinicId", "givenName", "familyName", "birthDate", sex, "heightCm", mrn, "diagnosisSide", status, "lastAssessedAt", "visitChanges", "evaluation", "rulesVersion", "updatedAt")
     SELECT u.id, $1, u.g, u.f, u.b, u.s::"Sex", u.h, u.m, u.d::"DiagnosisSide", u.st::"PatientStatus", u.l, u.c::jsonb, u.e::json, $14, now()
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::text[], $13::text[])
       AS u(id, g, f, b, s, h, m, d, st, l, c, e)`,
    [options.clinicId, p.id, p.given, p.family, p.birth, p.sex, p.height, p.mrn, p.side, p.status, p.last, p.changes, p.evaluation, STORED_EVALUATION_VERSION],
  );
  await client.query(
    `INSERT INTO "Assessment" (id, "clinicId", "patientId", "raterId", "takenAt", "redFlags", "updatedAt")
     SELECT u.id, $1, u.p, $2, u.t, u.r::text[], now() FROM unnest($3::uuid[], $4::uuid[], $5::timestamptz[], $6::text[]) AS u(id, p, t, r)`,
    [options.clinicId, options.raterId, a.id, a.patient, a.takenAt, a.redFlags],
  );
  await client.query(
    `INSERT INTO "MeasureValue" ("clinicId", "assessmentId", code, side, value)
     SELECT $1, u.a, u.c, u.s::"Side", u.v FROM unnest($2::uuid[], $3::text[], $4::text[], $5::float8[]) AS u(a, c, s, v)`,
    [options.clinicId, m.assessment, m.code, m.side, m.value],
  );
}
