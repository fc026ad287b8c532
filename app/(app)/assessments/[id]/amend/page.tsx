// "Correct visit": the assessment form filled with the stored values, plus a required reason.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getAssessment } from "@/lib/assessments/queries";
import { previousValues } from "@/lib/assessments/previous-values";
import { getPatient } from "@/lib/patients/queries";
import { formatDate } from "@/lib/format/dates";
import { formStateFromVisit } from "@/lib/assessment-form/form-state";
import { fullName } from "@/components/patients/labels";
import { AssessmentForm } from "@/components/assessments/AssessmentForm";
import { previousTexts } from "@/components/assessments/previous-text";
import { amendAssessmentAction } from "./actions";
import { previousPsfsActivities } from "@/lib/questionnaires/queries";
import { questionnaireFormFromVisit, scoredCodes } from "@/lib/questionnaires/form";
import type { AssessmentView } from "@/lib/assessments/queries";

/** The stored visit as form text; scores calculated from answers show as their answers, not as typed totals. */
function initialState(visit: AssessmentView) {
  const scored = scoredCodes(visit);
  const state = formStateFromVisit({ ...visit, measures: visit.measures.filter((m) => !scored.has(m.code)) }, "");
  return { ...state, questionnaires: questionnaireFormFromVisit(visit.questionnaires), footwear: visit.footwear ?? "" };
}

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Correct visit" };

type Props = { params: Promise<{ id: string }> };

export default async function AmendAssessmentPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor();
  let visit;
  let patient;
  let previous;
  let previousPsfs;
  try {
    visit = await getAssessment(actor, id);
    patient = await getPatient(actor, visit.patientId);
    previous = await previousValues(actor, visit.patientId, { before: { id: visit.id, takenAt: visit.takenAt } });
    previousPsfs = await previousPsfsActivities(actor, visit.patientId, { takenAt: visit.takenAt });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const back = `/patients/${patient.id}`;
  return (
    <>
      <Link href={back} className="back-link no-print">
        ← {fullName(patient)}
      </Link>
      <div className="page-header">
        <div>
          <h1>Correct visit of {formatDate(visit.takenAt)}</h1>
          <p>
            {fullName(patient)} · recorded by {visit.rater.name}. Change what was wrong and say why; the original values are kept in the
            audit trail.
          </p>
        </div>
      </div>
      {visit.deletedAt ? (
        <p className="alert-error" role="alert">
          This visit is deleted. An admin can restore it before it is corrected.
        </p>
      ) : (
        <AssessmentForm
          mode="amend"
          patientId={patient.id}
          assessmentId={visit.id}
          initial={{ state: initialState(visit), takenAt: visit.takenAt }}
          previous={previousTexts(previous)}
          previousPsfs={previousPsfs}
          action={amendAssessmentAction.bind(null, visit.id, patient.id)}
          cancelHref={back}
        />
      )}
    </>
  );
}
