// Loads what the FHIR export needs for one patient of the actor's clinic, evaluates the flags from
// the same rows (so every RiskAssessment's basis is an Observation in the bundle), and builds it.
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import { evaluate } from "@/lib/clinical/evaluate";
import { historyOfVisits } from "@/lib/assessments/queries";
import { readVisitsWithValues } from "@/lib/patients/history-read";
import { getPatient } from "@/lib/patients/queries";
import { parseSections } from "@/lib/referrals/sections";
import { buildPatientBundle, type FhirExportInput } from "./bundle";
import type { FhirQuestionnaireInput } from "./history-resources";
import { readPatientHistory } from "@/lib/patients/history/queries";

export async function exportPatientBundle(actor: Actor, patientId: string, now: Date = new Date()): Promise<fhir4.Bundle<fhir4.FhirResource>> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await getPatient(actor, patientId);
  const [visits, referrals, clinicalHistory, questionnaireRows] = await Promise.all([
    readVisitsWithValues(db, actor.clinicId, patientId),
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
    db.questionnaireResponse.findMany({
      where: { clinicId: actor.clinicId, assessment: { patientId, deletedAt: null } },
      orderBy: { id: "asc" },
      select: { id: true, assessmentId: true, instrument: true, answers: true, score: true },
    }),
  ]);
  const questionnairesByVisit = new Map<string, typeof questionnaireRows>();
  for (const q of questionnaireRows) questionnairesByVisit.set(q.assessmentId, [...(questionnairesByVisit.get(q.assessmentId) ?? []), q]);
  const userIds = [...new Set([...visits.map((v) => v.raterId), ...referrals.map((r) => r.authorId)])];
  const users = await db.user.findMany({
    where: { clinicId: actor.clinicId, id: { in: userIds } },
    select: { id: true, name: true, registrationNumber: true },
    orderBy: { id: "asc" },
  });

  // Evaluated from the very rows of the bundle (not the stored evaluation, read separately), so a
  // visit recorded meanwhile cannot leave a RiskAssessment without its Observation.
  const evaluation = evaluate(historyOfVisits(patient, visits));

  const input: FhirExportInput = {
    clinicId: actor.clinicId,
    patient,
    assessments: visits.map((v) => ({
      takenAt: v.takenAt,
      raterId: v.raterId,
      measures: v.measures,
      questionnaires: (questionnairesByVisit.get(v.id) ?? []).map((q) => ({ id: q.id, instrument: q.instrument, answers: q.answers as unknown as FhirQuestionnaireInput["answers"], score: q.score })),
    })),
    history: clinicalHistory,
    practitioners: users,
    evaluation,
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
