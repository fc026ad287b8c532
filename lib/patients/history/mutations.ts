// Editing a patient's clinical history: the whole history (investigations included) is replaced in
// one transaction with its audit event, which keeps the history before and after the change.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError, type FieldIssue } from "@/lib/errors/app-errors";
import { recordAudit } from "@/lib/audit/record";
import { lockPatientForWrite, WRITE_TRANSACTION } from "@/lib/patients/lock";
import { isUuid, parseInput } from "@/lib/validation/parse";
import { historyData, readPatientHistory, type PatientHistoryView } from "./queries";
import { patientHistorySchema, type PatientHistoryData } from "./schemas";

const date = (value: string | null): Date | null => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Onsets and investigations before the patient was born are typos; named, not stored. */
function beforeBirthIssues(data: PatientHistoryData, birthDate: string): FieldIssue[] {
  const dates: [string, string | null][] = [
    ["heelPainOnset.left", data.heelPainOnset.left],
    ["heelPainOnset.right", data.heelPainOnset.right],
    ["hipPain.onset", data.hipPain.onset],
    ["backPain.onset", data.backPain.onset],
    ...data.investigations.map((inv, i): [string, string] => [`investigations[${i}].date`, inv.date]),
  ];
  return dates
    .filter(([, value]) => value !== null && value < birthDate)
    .map(([path, value]) => ({ path, message: `${path} ${value} is before the patient's birth date (${birthDate})` }));
}

export async function updatePatientHistory(actor: Actor, patientId: string, input: unknown): Promise<PatientHistoryView> {
  const data = parseInput(patientHistorySchema, input);
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  return db.$transaction(async (tx) => {
    await lockPatientForWrite(tx, actor, patientId);
    const patient = await tx.patient.findFirstOrThrow({ where: { id: patientId, clinicId: actor.clinicId }, select: { birthDate: true } });
    const issues = beforeBirthIssues(data, patient.birthDate.toISOString().slice(0, 10));
    if (issues.length) throw new ValidationError(issues);

    const before = await readPatientHistory(tx, actor.clinicId, patientId);
    const fields = {
      heelPainOnsetLeft: date(data.heelPainOnset.left),
      heelPainOnsetRight: date(data.heelPainOnset.right),
      hipPainBeforeHeel: data.hipPain.beforeHeelPain,
      hipPainOnset: date(data.hipPain.onset),
      hipPainSide: data.hipPain.side,
      backPainBeforeHeel: data.backPain.beforeHeelPain,
      backPainOnset: date(data.backPain.onset),
      diabetes: data.comorbidities.diabetes,
      inflammatoryArthritis: data.comorbidities.inflammatoryArthritis,
      neuropathy: data.comorbidities.neuropathy,
      otherComorbidity: data.comorbidities.other,
      medications: data.medications,
      updatedAt: new Date(),
      updatedById: actor.userId,
    };
    await tx.patientHistory.upsert({
      where: { patientId },
      create: { patientId, clinicId: actor.clinicId, ...fields },
      update: fields,
      select: { patientId: true },
    });
    await tx.patientInvestigation.deleteMany({ where: { clinicId: actor.clinicId, patientId } });
    if (data.investigations.length) {
      await tx.patientInvestigation.createMany({
        data: data.investigations.map((inv) => ({ clinicId: actor.clinicId, patientId, date: date(inv.date)!, kind: inv.kind, finding: inv.finding })),
      });
    }
    const after = await readPatientHistory(tx, actor.clinicId, patientId);
    await recordAudit(tx, actor, {
      action: "patient.history.update",
      entityType: "Patient",
      entityId: patientId,
      details: { before: historyData(before), after: historyData(after) } as unknown as Prisma.InputJsonValue,
    });
    return after;
  }, WRITE_TRANSACTION);
}
