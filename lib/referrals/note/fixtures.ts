// Inputs of the note builder for the unit tests and the bench: the demo's back-pain case (Robert
// Nakamura: back pain and disability rising during heel care) and a synthetic 300-visit patient.
import { evaluate } from "@/lib/clinical/evaluate";
import type { PatientHistory } from "@/lib/clinical/types";
import { generateDemoPatients, toHistory } from "@/lib/seed/generate";
import { syntheticPatient } from "@/lib/seed/synthetic";
import { SPECIALTY_LABELS, type Specialty } from "../schemas";
import { EMPTY_CLINICAL_HISTORY, type NotePatient, type ReferralFields, type ReferralNoteInput } from "./types";

export const FIXTURE_NOW = "2026-11-30T12:00:00Z";

export function fields(specialty: Specialty, overrides: Partial<ReferralFields> = {}): ReferralFields {
  return {
    specialty,
    specialtyLabel: SPECIALTY_LABELS[specialty],
    urgency: "soon",
    question: "Is the low-back pain mechanical or radicular, and does it need imaging before we progress loading?",
    diagnosisBasis: null,
    differentialsExcluded: [],
    differentialOther: null,
    comment: null,
    version: 1,
    status: "draft",
    createdAt: FIXTURE_NOW,
    finalizedAt: null,
    finalizedByName: null,
    sections: [],
    ...overrides,
  };
}

export function inputFor(patient: NotePatient, history: PatientHistory, referral: ReferralFields, overrides: Partial<ReferralNoteInput> = {}): ReferralNoteInput {
  return {
    referral,
    patient,
    author: { name: "Dr Ada Referrer", clinicName: "Stride Demo Clinic", registrationNumber: "PT-104233" },
    history,
    evaluation: evaluate(history),
    clinical: EMPTY_CLINICAL_HISTORY,
    treatments: [],
    asOf: FIXTURE_NOW,
    ...overrides,
  };
}

/** The demo's back-pain case, as the demo seed generates it. */
export function backPainCase(specialty: Specialty = "spine", overrides: Partial<ReferralFields> = {}): ReferralNoteInput {
  const p = generateDemoPatients(new Date(FIXTURE_NOW)).find((x) => x.familyName === "Nakamura")!;
  const history = toHistory(p);
  return inputFor(
    { givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate, sex: p.sex, diagnosisSide: p.diagnosisSide, mrn: p.mrn ?? null, heightCm: p.heightCm },
    history,
    fields(specialty, overrides),
    {
      treatments: [
        { name: "Stretching", dose: "calf stretches 3 × 30 s, twice daily", startedAt: history.assessments[0]!.takenAt, endedAt: null, response: "same" },
        { name: "Orthoses", dose: "prefabricated, medial arch support", startedAt: history.assessments[1]!.takenAt, endedAt: history.assessments[4]!.takenAt, response: "better" },
      ],
    },
  );
}

/** A synthetic patient with `visits` weekly visits (the bench's long history). */
export function longHistoryCase(visits = 300, index = 0): ReferralNoteInput {
  const p = syntheticPatient(index, visits, new Date(FIXTURE_NOW), 7);
  return inputFor(
    { givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate, sex: p.sex, diagnosisSide: p.diagnosisSide, mrn: p.mrn, heightCm: p.heightCm },
    p.history,
    fields("spine"),
  );
}
