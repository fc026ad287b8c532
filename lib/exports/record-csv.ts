// CSV files of what is not a measure value (issue 18): the questionnaires' item answers, the
// clinical history (onsets, comorbidities, medications, investigations, per-visit footwear) and
// the treatments with dose and response. Pure builders; the reads are clinic-scoped below.
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import { readPatientHistory, type PatientHistoryView } from "@/lib/patients/history/queries";
import { readPatientTreatments, type TreatmentView } from "@/lib/treatments/queries";
import { readPatientAssessments, type AssessmentView } from "@/lib/assessments/queries";
import { csvHeader, csvRow, type CsvCell } from "./csv";

export const QUESTIONNAIRE_COLUMNS = ["takenAt", "instrument", "item", "answer", "activity", "code", "score"] as const;
export const HISTORY_COLUMNS = ["record", "date", "field", "value"] as const;
export const TREATMENT_COLUMNS = ["occurredAt", "kind", "text", "endedAt", "dose", "injectionAgent", "injectionCount", "response", "reviewedAt"] as const;

const text = (v: string | number | boolean | null | undefined): CsvCell => ({ text: v === null || v === undefined ? null : String(v) });
const num = (v: number | null): CsvCell => (v === null ? { text: null } : { number: v });

/** One row per item answer ("NA" for N/A) or PSFS activity, with the questionnaire's score on each. */
export function questionnairesCsv(visits: readonly Pick<AssessmentView, "takenAt" | "questionnaires">[]): string {
  const rows: string[] = [];
  for (const visit of visits) {
    for (const q of visit.questionnaires) {
      if (q.instrument === "psfs") {
        q.activities.forEach((a, i) => rows.push(csvRow([{ date: visit.takenAt }, text("psfs"), num(i + 1), num(a.score), text(a.name), text(q.code), num(q.value)])));
      } else {
        q.answers.forEach((a, i) => rows.push(csvRow([{ date: visit.takenAt }, text(q.instrument), num(i + 1), a === null ? text("NA") : num(a), text(null), text(q.code), num(q.value)])));
      }
    }
  }
  return csvHeader(QUESTIONNAIRE_COLUMNS) + rows.join("");
}

/** The history as record,date,field,value rows: fields, investigations, and each visit's footwear. */
export function historyCsv(history: PatientHistoryView, visits: readonly Pick<AssessmentView, "takenAt" | "footwear">[]): string {
  const fields: [string, string | boolean | null][] = [
    ["heelPainOnset.left", history.heelPainOnset.left],
    ["heelPainOnset.right", history.heelPainOnset.right],
    ["hipPain.beforeHeelPain", history.hipPain.beforeHeelPain],
    ["hipPain.onset", history.hipPain.onset],
    ["hipPain.side", history.hipPain.side],
    ["backPain.beforeHeelPain", history.backPain.beforeHeelPain],
    ["backPain.onset", history.backPain.onset],
    ["comorbidities.diabetes", history.comorbidities.diabetes],
    ["comorbidities.inflammatoryArthritis", history.comorbidities.inflammatoryArthritis],
    ["comorbidities.neuropathy", history.comorbidities.neuropathy],
    ["comorbidities.other", history.comorbidities.other],
    ["medications", history.medications],
  ];
  const rows = [
    ...fields.map(([field, value]) => csvRow([text("history"), text(null), text(field), text(value)])),
    ...history.investigations.map((inv) => csvRow([text("investigation"), text(inv.date), text(inv.kind), text(inv.finding)])),
    ...visits.filter((v) => v.footwear).map((v) => csvRow([text("visit"), { date: v.takenAt }, text("footwear"), text(v.footwear)])),
  ];
  return csvHeader(HISTORY_COLUMNS) + rows.join("");
}

export function treatmentsCsv(treatments: readonly TreatmentView[]): string {
  return (
    csvHeader(TREATMENT_COLUMNS) +
    treatments
      .map((t) =>
        csvRow([
          { date: t.occurredAt },
          text(t.kind),
          text(t.text),
          t.endedAt ? { date: t.endedAt } : text(null),
          text(t.dose),
          text(t.injectionAgent),
          num(t.injectionCount),
          text(t.response),
          t.reviewedAt ? { date: t.reviewedAt } : text(null),
        ]),
      )
      .join("")
  );
}

async function assertPatient(actor: Actor, patientId: string): Promise<void> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
}

export type RecordCsvKind = "questionnaires" | "history" | "treatments";

/** The CSV text of one kind for one patient of the actor's clinic (deleted visits and treatments left out). */
export async function patientRecordCsv(actor: Actor, patientId: string, kind: RecordCsvKind): Promise<string> {
  await assertPatient(actor, patientId);
  if (kind === "treatments") return treatmentsCsv([...(await readPatientTreatments(actor.clinicId, patientId))].reverse());
  const visits = await readPatientAssessments(actor.clinicId, patientId);
  if (kind === "questionnaires") return questionnairesCsv(visits);
  return historyCsv(await readPatientHistory(db, actor.clinicId, patientId), visits);
}
