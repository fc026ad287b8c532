// Demo data of issue 18, kept apart from the rules' demo (demo-patients.ts) so both can change
// without conflicts: item answers behind the demo's questionnaire scores, a clinical history per
// demo patient (Robert Nakamura's back pain began BEFORE his heel pain), and per-visit footwear.
//
// Answers are attached only where they score EXACTLY to the stored value (the score is then the
// same number, now with the method "item answers"), so no flag of the demo story moves.
import type { Prisma } from "../generated/prisma/client";
import { ITEM_INSTRUMENT_DEFS, ITEM_ANSWERS_METHOD, type ItemInstrument } from "../questionnaires/instruments";
import { scoreItemAnswers, scorePsfs } from "../questionnaires/scoring";
import type { GeneratedPatient } from "./generate";

const INSTRUMENT_OF: Record<string, ItemInstrument | "psfs"> = {
  faam_adl_percent: "faam_adl",
  faam_sports_percent: "faam_sports",
  lefs_score: "lefs",
  psfs_mean: "psfs",
};

const PSFS_ACTIVITIES = ["walking the dog", "climbing stairs", "standing at work", "running for the bus", "gardening"];

/** `sum` spread over `n` answers of 0-4 (the higher ones first), the rest of the items N/A. */
function spread(items: number, n: number, sum: number): (number | null)[] {
  const base = Math.floor(sum / n);
  const extra = sum - base * n;
  return Array.from({ length: items }, (_, i) => (i >= n ? null : i < extra ? base + 1 : base));
}

/** Item answers that score exactly `value`, or undefined when none do. */
export function answersScoring(instrument: ItemInstrument, value: number): (number | null)[] | undefined {
  const def = ITEM_INSTRUMENT_DEFS[instrument];
  for (let n = def.items; n >= def.minAnswered; n--) {
    for (let sum = 0; sum <= 4 * n; sum++) {
      const answers = spread(def.items, n, sum);
      const result = scoreItemAnswers(instrument, answers);
      if (result.ok && result.value === value) return answers;
    }
  }
  return undefined;
}

/** PSFS activities (the patient's own list, the same at every visit) whose mean is exactly `value`. */
export function activitiesScoring(value: number): { name: string; score: number }[] | undefined {
  for (let n = 3; n <= 5; n++) {
    for (let sum = 0; sum <= 10 * n; sum++) {
      const scores = spread(n, n, sum) as number[];
      if (scores.some((s) => s > 10)) continue;
      const result = scorePsfs(scores.map((score, i) => ({ name: PSFS_ACTIVITIES[i]!, score })));
      if (result.ok && result.value === value) return result.activities;
    }
  }
  return undefined;
}

type HistorySeed = Omit<Prisma.PatientHistoryCreateManyInput, "patientId" | "clinicId" | "updatedAt" | "updatedById"> & {
  investigations?: { daysBeforeFirstVisit: number; kind: Prisma.PatientInvestigationCreateManyInput["kind"]; finding: string }[];
  footwear?: Prisma.AssessmentCreateManyInput["footwear"];
};

const day = (first: Date, daysBefore: number) => new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() - daysBefore));

/** Per patient ("Given Family"): onsets as days before the first visit, comorbidities, investigations, footwear. */
function historySeeds(first: Date): Record<string, HistorySeed> {
  const d = (n: number) => day(first, n);
  return {
    "Maria Keller": { heelPainOnsetRight: d(120), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", diabetes: false, inflammatoryArthritis: false, neuropathy: false, footwear: "supportive",
      investigations: [{ daysBeforeFirstVisit: 20, kind: "ultrasound", finding: "Right plantar fascia 5.9 mm at the insertion (left 3.6 mm), hypoechoic" }] },
    "Daniel Okafor": { heelPainOnsetLeft: d(200), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", diabetes: true, inflammatoryArthritis: false, neuropathy: false,
      medications: "metformin 500 mg twice daily", footwear: "work_boots",
      investigations: [{ daysBeforeFirstVisit: 60, kind: "xray", finding: "Small plantar calcaneal spur, left; no fracture" }] },
    "Priya Raman": { heelPainOnsetRight: d(90), hipPainBeforeHeel: "unknown", backPainBeforeHeel: "unknown", footwear: "mixed" },
    "Tom Whitfield": { heelPainOnsetLeft: d(45), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", diabetes: false, inflammatoryArthritis: false, neuropathy: false, footwear: "minimal" },
    "Sofia Lindqvist": { heelPainOnsetLeft: d(300), heelPainOnsetRight: d(240), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", footwear: "high_heel" },
    "Jamal Haddad": { heelPainOnsetRight: d(150), hipPainBeforeHeel: "no", hipPainOnset: d(20), hipPainSide: "right", backPainBeforeHeel: "no", footwear: "work_boots" },
    "Grace Oduya": { heelPainOnsetLeft: d(180), hipPainBeforeHeel: "no", hipPainOnset: d(30), hipPainSide: "left", backPainBeforeHeel: "no", neuropathy: false, footwear: "supportive" },
    "Liam Brennan": { heelPainOnsetRight: d(100), hipPainBeforeHeel: "no", backPainBeforeHeel: "unknown", backPainOnset: d(40), footwear: "supportive" },
    "Helen Zhou": { heelPainOnsetLeft: d(160), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", backPainOnset: d(50), inflammatoryArthritis: false, medications: "amlodipine 5 mg daily" },
    // The story a referral has to tell apart: this back pain is not secondary to the heel.
    "Robert Nakamura": { heelPainOnsetLeft: d(140), hipPainBeforeHeel: "no", backPainBeforeHeel: "yes", backPainOnset: d(900), diabetes: false, inflammatoryArthritis: false, neuropathy: false,
      medications: "naproxen 250 mg as needed", footwear: "work_boots",
      investigations: [{ daysBeforeFirstVisit: 700, kind: "mri", finding: "L4-L5 disc degeneration with a small central protrusion, no nerve root compression" }] },
    "Aisha Mensah": { heelPainOnsetLeft: d(210), heelPainOnsetRight: d(200), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", diabetes: true, otherComorbidity: "hypothyroidism",
      medications: "levothyroxine 75 µg daily; metformin 1 g twice daily",
      investigations: [{ daysBeforeFirstVisit: 30, kind: "blood_test", finding: "HbA1c 58 mmol/mol; TSH within range" }] },
    "Ben Carter": { heelPainOnsetRight: d(100), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", footwear: "minimal" },
    "Samuel Osei": { heelPainOnsetLeft: d(120), hipPainBeforeHeel: "no", backPainBeforeHeel: "no", backPainOnset: d(10), diabetes: false, footwear: "work_boots" },
  };
}

export interface SeededVisit {
  row: Prisma.AssessmentCreateManyInput;
  measures: Prisma.MeasureValueCreateManyInput[];
}

export interface DemoHistoryRows {
  histories: Prisma.PatientHistoryCreateManyInput[];
  investigations: Prisma.PatientInvestigationCreateManyInput[];
  questionnaires: Prisma.QuestionnaireResponseCreateManyInput[];
}

/**
 * Builds the issue-18 rows for seeded patients; sets footwear on their visit rows and the method
 * "item answers" on the measure rows that the answers now score.
 */
export function demoHistoryRows(
  seeded: { patient: GeneratedPatient; id: string; clinicId: string; raterId: string; visits: SeededVisit[] }[],
  now: Date,
): DemoHistoryRows {
  const out: DemoHistoryRows = { histories: [], investigations: [], questionnaires: [] };
  for (const { patient, id, clinicId, raterId, visits } of seeded) {
    const first = visits[0]?.row.takenAt;
    if (!first) continue;
    const seed = historySeeds(new Date(first))[`${patient.givenName} ${patient.familyName}`];
    if (seed) {
      const { investigations = [], footwear, ...fields } = seed;
      out.histories.push({ ...fields, patientId: id, clinicId, updatedAt: now, updatedById: raterId });
      for (const inv of investigations) {
        out.investigations.push({ id: crypto.randomUUID(), clinicId, patientId: id, date: day(new Date(first), inv.daysBeforeFirstVisit), kind: inv.kind, finding: inv.finding });
      }
      if (footwear) for (const v of visits) v.row.footwear = footwear;
    }
    for (const v of visits) {
      for (const m of v.measures) {
        const instrument = INSTRUMENT_OF[m.code];
        if (!instrument || m.method) continue;
        const answers = instrument === "psfs" ? activitiesScoring(m.value) : answersScoring(instrument, m.value);
        if (!answers) continue;
        m.method = ITEM_ANSWERS_METHOD;
        out.questionnaires.push({ id: crypto.randomUUID(), clinicId, assessmentId: v.row.id!, instrument, answers: answers as Prisma.InputJsonValue, score: m.value });
      }
    }
  }
  return out;
}

export async function insertDemoHistory(tx: Prisma.TransactionClient, rows: DemoHistoryRows): Promise<void> {
  if (rows.histories.length) await tx.patientHistory.createMany({ data: rows.histories });
  if (rows.investigations.length) await tx.patientInvestigation.createMany({ data: rows.investigations });
  for (let i = 0; i < rows.questionnaires.length; i += 500) await tx.questionnaireResponse.createMany({ data: rows.questionnaires.slice(i, i + 500) });
}
