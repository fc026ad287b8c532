// The bridge between stored rows and the pure flag engine: load one patient's history in the
// engine's input shape, and keep the stored status (Patient.status) equal to what the engine says.
// Callers pass the transaction they write in, so the status changes in the same transaction.
import { evaluate } from "@/lib/clinical/evaluate";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import type { MeasureCode, RedFlagCode } from "@/lib/clinical/measures";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { visitChanges } from "@/lib/caseload/changes";

type Tx = Prisma.TransactionClient | PrismaClient;

export async function loadPatientHistory(tx: Tx, clinicId: string, patientId: string): Promise<PatientHistory | undefined> {
  const patient = await tx.patient.findFirst({
    where: { id: patientId, clinicId },
    select: {
      heightCm: true,
      sex: true,
      birthDate: true,
      assessments: {
        where: { clinicId, deletedAt: null },
        // The visit list's order (lib/assessments/queries), so ties in takenAt evaluate the same
        // here and on the patient page, which evaluates the visits it lists.
        orderBy: [{ takenAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: {
          takenAt: true,
          redFlags: true,
          measures: { select: { code: true, side: true, value: true, method: true } },
        },
      },
    },
  });
  if (!patient) return undefined;
  return {
    patient: { heightCm: patient.heightCm, sex: patient.sex, birthDate: patient.birthDate.toISOString().slice(0, 10) },
    assessments: patient.assessments.map((a) => ({
      takenAt: a.takenAt.toISOString(),
      redFlags: a.redFlags as RedFlagCode[],
      measures: a.measures.map((m) => ({
        code: m.code as MeasureCode,
        side: m.side,
        value: m.value,
        ...(m.method ? { method: m.method } : {}),
      })),
    })),
  };
}

/** Re-evaluates one patient and stores status and last-assessed date; returns the evaluation. */
export async function refreshPatientStatus(tx: Tx, clinicId: string, patientId: string): Promise<Evaluation | undefined> {
  const history = await loadPatientHistory(tx, clinicId, patientId);
  if (!history) return undefined;
  const evaluation = evaluate(history);
  const latest = history.assessments.at(-1)?.takenAt; // ordered by takenAt above
  // What changed at the latest visit, stored for the caseload (evaluates once more, without it).
  const changes = visitChanges(history, evaluation);
  await tx.patient.update({
    where: { id: patientId },
    data: {
      status: evaluation.status,
      lastAssessedAt: latest ? new Date(latest) : null,
      visitChanges: changes as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return evaluation;
}

/** Recomputes every patient's stored status (after a seed or import); returns how many changed. */
export async function refreshAllStatuses(tx: Tx, onProgress?: (done: number, total: number) => void): Promise<number> {
  const patients = await tx.patient.findMany({ select: { id: true, clinicId: true, status: true } });
  let changed = 0;
  for (const [index, p] of patients.entries()) {
    const evaluation = await refreshPatientStatus(tx, p.clinicId, p.id);
    if (evaluation && evaluation.status !== p.status) changed++;
    onProgress?.(index + 1, patients.length);
  }
  return changed;
}
