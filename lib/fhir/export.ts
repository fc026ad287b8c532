// Loads what the FHIR export needs for one patient of the actor's clinic, evaluates the flags from
// the same rows (so every RiskAssessment's basis is an Observation in the bundle), and builds it.
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import { evaluate } from "@/lib/clinical/evaluate";
import type { MeasureCode, RedFlagCode } from "@/lib/clinical/measures";
import type { PatientHistory } from "@/lib/clinical/types";
import { getPatient } from "@/lib/patients/queries";
import { parseSections } from "@/lib/referrals/sections";
import { buildPatientBundle, type FhirExportInput } from "./bundle";
import type { FhirQuestionnaireInput } from "./history-resources";
import { readPatientHistory } from "@/lib/patients/history/queries";

export async function exportPatientBundle(actor: Actor, patientId: string, now: Date = new Date()): Promise<fhir4.Bundle<fhir4.FhirResource>> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await getPatient(actor, patientId);
  const [visits, referrals, clinicalHistory] = await Promise.all([
    db.assessment.findMany({
      where: { clinicId: actor.clinicId, patientId, deletedAt: null },
      orderBy: [{ takenAt: "asc" }, { id: "asc" }],
      select: {
        takenAt: true,
        raterId: true,
        redFlags: true,
        measures: { select: { id: true, code: true, side: true, value: true, method: true } },
        questionnaires: { select: { id: true, instrument: true, answers: true, score: true } },
      },
    }),
    db.referral.findMany({
      where: { clinicId: actor.clinicId, patientId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        urgency: true,
        specialty: true,
        version: true,
        supersedesId: true,
        authorId: true,
        createdAt: true,
        finalizedAt: true,
        sections: true,
      },
    }),
    readPatientHistory(db, actor.clinicId, patientId),
  ]);
  const userIds = [...new Set([...visits.map((v) => v.raterId), ...referrals.map((r) => r.authorId)])];
  const users = await db.user.findMany({
    where: { clinicId: actor.clinicId, id: { in: userIds } },
    select: { id: true, name: true, registrationNumber: true },
    orderBy: { id: "asc" },
  });

  const history: PatientHistory = {
    patient: { heightCm: patient.heightCm, sex: patient.sex, birthDate: patient.birthDate },
    assessments: visits.map((v) => ({
      takenAt: v.takenAt.toISOString(),
      redFlags: v.redFlags as RedFlagCode[],
      measures: v.measures.map((m) => ({ code: m.code as MeasureCode, side: m.side, value: m.value, ...(m.method ? { method: m.method } : {}) })),
    })),
  };

  const input: FhirExportInput = {
    clinicId: actor.clinicId,
    patient,
    assessments: visits.map((v) => ({
      takenAt: v.takenAt.toISOString(),
      raterId: v.raterId,
      measures: v.measures,
      questionnaires: v.questionnaires.map((q) => ({ id: q.id, instrument: q.instrument, answers: q.answers as unknown as FhirQuestionnaireInput["answers"], score: q.score })),
    })),
    history: clinicalHistory,
    practitioners: users,
    evaluation: evaluate(history),
    referrals: referrals.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      finalizedAt: r.finalizedAt ? r.finalizedAt.toISOString() : null,
      sections: parseSections(r.sections),
    })),
    generatedAt: now.toISOString(),
  };
  return buildPatientBundle(input);
}
