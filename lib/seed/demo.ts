// Demo data (contract section 1): fills an EMPTY database with two clinics, their users, and
// patients whose histories show every rule of clinical/rules.md at work. The caller checks that the
// database is empty and, afterwards, stores each patient's status from the flag engine.
//
// Stride Demo Clinic (clinician demo@clinic.test, admin admin@clinic.test). Rules version 2.
// | patient           | side  | n | story                                                        | rules firing on the latest data                                          | status   |
// |-------------------|-------|---|--------------------------------------------------------------|--------------------------------------------------------------------------|----------|
// | Maria Keller      | right | 7 | improving; residual 16 mm arch drop, tight hip flexor        | NAVICULAR_DROP, HIP_FLEXOR_TIGHT (no back symptom: no escalation)        | low      |
// | Daniel Okafor     | left  | 6 | worsening stiff ankle, gastrocnemius pattern, weight gain    | DF_NWB_SEVERE, CALF_GASTROC, DF_WBLT_LOW, DF_WBLT_ASYM, BMI_HIGH, HEEL_PAIN_RISING (high) | high |
// | Priya Raman       | right | 5 | night pain + unexplained weight loss on the latest visit     | RED_FLAG (urgent tier), DF_NWB_LIMITED                                   | refer    |
// | Tom Whitfield     | left  | 5 | runner recovering; full battery; back pain 1 → 2 (±1: error) | none (every rule evaluated, none fires)                                  | none     |
// | Sofia Lindqvist   | both  | 8 | plateau; pain ±1 within error; pronated feet (+7, +6)        | FPI_PRONATED (low, both)                                                 | low      |
// | Jamal Haddad      | right | 6 | pronated foot, pelvis drops in stance, hip pain rising       | FPI_PRONATED (moderate R, low L), TRENDELENBURG (moderate), HIP_PAIN, HIP_PAIN_RISING (hip escalates) | high |
// | Grace Oduya       | left  | 7 | weak hip abductors, pelvic drop +3.5°, hip pain 3/10         | HIP_ABD_ASYM_HIGH, TRENDELENBURG (low: stop reason not recorded), PELVIC_DROP_RISING, HIP_PAIN (hip escalates) | high |
// | Liam Brennan      | right | 6 | plateau; ~25 % hip asymmetry, desk worker, back pain 2-3/10  | HIP_ABD_ASYM, HIP_FLEXOR_TIGHT, BACK_PAIN (back low → moderate)          | moderate |
// | Helen Zhou        | left  | 5 | short left leg, back pain 3/10                               | LEG_LENGTH, BACK_PAIN (back moderate → high)                             | high     |
// | Robert Nakamura   | left  | 7 | worsening: back pain to 6/10, disability, function decline   | DF_NWB_LIMITED, BACK_PAIN, BACK_PAIN_RISING (high), ODI_MODERATE, ODI_RISING, FUNCTION_DECLINE | high |
// | Aisha Mensah      | both  | 8 | improving; weight loss but BMI still ≥ 30                    | BMI_HIGH, FPI_PRONATED (low L)                                           | low      |
// | Carlos Rivera     | right | 6 | improving; DF method changes goniometer → inclinometer app   | DF_NWB_LIMITED                                                           | low      |
// | Eleanor Price     | left  | 5 | older; stance ends for balance with a level pelvis           | DF_NWB_LIMITED (no stance flag: pelvis dropped = no)                     | low      |
// | Ben Carter        | right | 9 | heel settled, new hip pain 2/10, FAAM fell; navicular stale  | HIP_PAIN, HEEL_FUNCTION_DECLINE (NAVICULAR_DROP stale)                   | moderate |
// | Nadia Petrova     | both  | 4 | stiff under load; trauma red flag cleared at visit 2; no HHD | DF_WBLT_LOW (HIP_ABD_* not evaluated: not measured)                      | low      |
// | Marcus Webb       | right | 4 | back pain climbing, saddle numbness on the latest visit      | RED_FLAG (emergency tier), BACK_PAIN, BACK_PAIN_RISING, ODI_MODERATE, ODI_RISING | refer |
// | Ingrid Solberg    | left  | 4 | burning heel (review-tier red flag), FAAM-Sports −12          | RED_FLAG_REVIEW (high, not refer), HEEL_FUNCTION_DECLINE                 | high     |
// Northside Physio (north@clinic.test): Oliver Grant (DF_NWB_LIMITED), Chloe Adams (no flag),
// Samuel Osei (BMI_HIGH, BACK_PAIN; body mass never escalates).
//
// The numbers live in demo-patients.ts, the visit generation in generate.ts; demo-patients.test.ts
// runs the flag engine on the generated histories and checks this table (DEMO_EXPECTATIONS).

import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Region } from "../clinical/types";
import { hashPassword } from "../users/passwords";
import { DEMO_CLINIC_PATIENTS, NORTHSIDE_PATIENTS, type PatientSpec } from "./demo-patients";
import { generateDemoPatients, type ClinicKey } from "./generate";

export const DEMO_CLINIC_NAME = "Stride Demo Clinic";
export const NORTHSIDE_CLINIC_NAME = "Northside Physio";

const CLINIC_NAMES: Record<ClinicKey, string> = { demo: DEMO_CLINIC_NAME, northside: NORTHSIDE_CLINIC_NAME };

/** The demo sign-ins are published in the contract; they exist only in demo databases. */
export const DEMO_USERS = [
  { clinic: "demo", email: "demo@clinic.test", password: "demo-clinician", name: "Dr Alex Morgan",
    role: "clinician", registrationNumber: "PT-104233" },
  { clinic: "demo", email: "admin@clinic.test", password: "demo-admin-pass", name: "Jordan Lee",
    role: "admin", registrationNumber: "PT-118502" },
  { clinic: "northside", email: "north@clinic.test", password: "demo-north-pass", name: "Dr Sam Whitaker",
    role: "clinician", registrationNumber: "PT-208817" },
] as const satisfies readonly {
  clinic: ClinicKey; email: string; password: string; name: string; role: "clinician" | "admin"; registrationNumber: string;
}[];

export interface DemoExpectation {
  /** "Given Family" */
  patient: string;
  /** Rule ids firing on the latest data (exactly these). */
  fires: string[];
  /** No flag at all, with every rule evaluated (nothing under notEvaluated). */
  noFlags?: boolean;
  /** RED_FLAG fires: status "refer". */
  redFlag?: boolean;
  /** Regions raised by chain escalation. */
  escalates?: Region[];
  /** Rules listed under notEvaluated because their only value is stale. */
  stale?: string[];
}

function expectationsOf(specs: readonly PatientSpec[]): DemoExpectation[] {
  return specs.map((s) => ({
    patient: `${s.given} ${s.family}`,
    fires: [...s.fires],
    ...(s.noFlags ? { noFlags: true } : {}),
    ...(s.redFlag ? { redFlag: true } : {}),
    ...(s.escalates ? { escalates: [...s.escalates] } : {}),
    ...(s.stale ? { stale: [...s.stale] } : {}),
  }));
}

/** The table above as data, for the Stride Demo Clinic's patients. */
export const DEMO_EXPECTATIONS: DemoExpectation[] = expectationsOf(DEMO_CLINIC_PATIENTS);
/** The same for Northside Physio (kept apart so demo-clinic checks can look names up in one clinic). */
export const NORTHSIDE_EXPECTATIONS: DemoExpectation[] = expectationsOf(NORTHSIDE_PATIENTS);

export interface SeedCounts {
  clinics: number;
  users: number;
  patients: number;
  assessments: number;
  measures: number;
}

/** Rows per createMany: far below PostgreSQL's 65,535 bind parameters per statement. */
const CHUNK = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function seedDemo(
  db: PrismaClient,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<SeedCounts> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const generated = generateDemoPatients(now);

  // Hash before opening the transaction: argon2 is deliberately slow and would hold it open.
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));

  // Ids are made here, not by the database, so every table goes in with one batched insert.
  const clinicIds: Record<ClinicKey, string> = { demo: crypto.randomUUID(), northside: crypto.randomUUID() };
  const users = DEMO_USERS.map((u, i) => ({
    id: crypto.randomUUID(),
    clinicId: clinicIds[u.clinic],
    email: u.email,
    name: u.name,
    role: u.role,
    passwordHash: hashes[i]!,
    registrationNumber: u.registrationNumber,
  }));
  const raterOf = (clinic: ClinicKey, role: "clinician" | "admin"): string => {
    const id = clinicIds[clinic];
    // Northside has no admin in the demo: its clinician rates every visit.
    const user = users.find((u) => u.clinicId === id && u.role === role) ?? users.find((u) => u.clinicId === id);
    if (!user) throw new Error(`no demo user for clinic ${clinic}`);
    return user.id;
  };

  const patients: Prisma.PatientCreateManyInput[] = [];
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const measures: Prisma.MeasureValueCreateManyInput[] = [];
  for (const p of generated) {
    const clinicId = clinicIds[p.clinic];
    const patientId = crypto.randomUUID();
    const last = p.visits[p.visits.length - 1];
    patients.push({
      id: patientId,
      clinicId,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: new Date(`${p.birthDate}T00:00:00Z`),
      sex: p.sex,
      heightCm: p.heightCm,
      mrn: p.mrn ?? null,
      diagnosisSide: p.diagnosisSide,
      lastAssessedAt: last ? last.takenAt : null,
    });
    for (const v of p.visits) {
      const assessmentId = crypto.randomUUID();
      assessments.push({
        id: assessmentId,
        clinicId,
        patientId,
        raterId: raterOf(p.clinic, v.rater),
        takenAt: v.takenAt,
        notes: v.notes ?? null,
        redFlags: v.redFlags,
      });
      for (const m of v.measures) {
        measures.push({
          id: crypto.randomUUID(),
          clinicId,
          assessmentId,
          code: m.code,
          side: m.side,
          value: m.value,
          method: m.method ?? null,
        });
      }
    }
  }

  await db.$transaction(
    async (tx) => {
      await tx.clinic.createMany({
        data: (Object.keys(clinicIds) as ClinicKey[]).map((k) => ({ id: clinicIds[k], name: CLINIC_NAMES[k] })),
      });
      await tx.user.createMany({ data: users });
      await tx.patient.createMany({ data: patients });
      for (const rows of chunks(assessments)) await tx.assessment.createMany({ data: rows });
      for (const rows of chunks(measures)) await tx.measureValue.createMany({ data: rows });
    },
    // Generous: the embedded database is single-threaded and a cold start can be slow.
    { maxWait: 10_000, timeout: 60_000 },
  );

  for (const key of Object.keys(clinicIds) as ClinicKey[]) {
    const ps = generated.filter((p) => p.clinic === key);
    const visits = ps.reduce((n, p) => n + p.visits.length, 0);
    log(`demo: ${CLINIC_NAMES[key]}: ${ps.length} patients, ${visits} assessments`);
  }
  const counts: SeedCounts = {
    clinics: Object.keys(clinicIds).length,
    users: users.length,
    patients: patients.length,
    assessments: assessments.length,
    measures: measures.length,
  };
  log(`demo: seeded ${counts.clinics} clinics, ${counts.users} users, ${counts.measures} measure values`);
  return counts;
}
