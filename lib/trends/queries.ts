// Everything the trends page needs, read once: the patient, their visits (with rater names and
// methods) and treatment events, through the assessments and treatments modules' own queries. The
// history is evaluated once here (the engine's trends and flags), then shaped by chart-data.ts.
import type { Actor } from "@/lib/auth/actor";
import { evaluate } from "@/lib/clinical/evaluate";
import type { MeasureCode, RedFlagCode } from "@/lib/clinical/measures";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { listAssessments } from "@/lib/assessments/queries";
import { listTreatments } from "@/lib/treatments/queries";
import { TREATMENT_LABELS } from "@/lib/treatments/labels";
import { getPatient, type PatientView } from "@/lib/patients/queries";
import type { ChartAssessment, ChartTreatment } from "./chart-data";


export interface TrendsSource {
  patient: PatientView;
  assessments: ChartAssessment[];
  treatments: ChartTreatment[];
  evaluation: Evaluation;
}

/** NotFoundError (from the queries) for another clinic's or a missing patient. */
export async function loadTrendsSource(actor: Actor, patientId: string): Promise<TrendsSource> {
  const [patient, visits, treatments] = await Promise.all([
    getPatient(actor, patientId),
    listAssessments(actor, patientId),
    listTreatments(actor, patientId),
  ]);
  const history: PatientHistory = {
    patient: { heightCm: patient.heightCm, sex: patient.sex, birthDate: patient.birthDate },
    assessments: visits.map((a) => ({
      takenAt: a.takenAt,
      redFlags: a.redFlags as RedFlagCode[],
      measures: a.measures.map((m) => ({
        code: m.code as MeasureCode,
        side: m.side,
        value: m.value,
        ...(m.method ? { method: m.method } : {}),
      })),
    })),
  };
  return {
    patient,
    assessments: visits.map((a) => ({ takenAt: a.takenAt, rater: a.rater.name, measures: a.measures })),
    treatments: treatments.map((t) => {
      const kind = TREATMENT_LABELS[t.kind];
      // "other" carries its own name; for the rest the text is detail, kept short for a chart label.
      const label = t.kind === "other" && t.text ? t.text : kind;
      return { occurredAt: t.occurredAt, label: label.length > 40 ? `${label.slice(0, 39)}…` : label };
    }),
    evaluation: evaluate(history),
  };
}
