"use server";
// One visit's values, loaded when the visit is opened in the patient's history (the page lists
// visits without their values: twenty hidden tables were most of its HTML). Clinic-scoped like
// every read: another clinic's visit answers as a missing one. Deleted visits are included (an
// admin reviewing a deletion opens them).
import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getAssessment } from "@/lib/assessments/queries";
import { formatDate } from "@/lib/format/dates";
import { valueLines } from "@/components/assessments/history-rows";
import { VisitValuesTable } from "@/components/assessments/VisitValuesTable";
import { VisitAnswers } from "@/components/questionnaires/VisitAnswers";

export async function visitValuesAction(id: string): Promise<ReactNode> {
  const actor = await requireActor();
  try {
    const visit = await getAssessment(actor, id);
    return (
      <>
        <VisitValuesTable values={valueLines(visit)} dateText={formatDate(visit.takenAt)} />
        <VisitAnswers visit={visit} />
      </>
    );
  } catch (error) {
    if (error instanceof NotFoundError) return <p className="alert-error">This visit no longer exists.</p>;
    throw error;
  }
}
