"use server";
// Records a treatment event: parsed with the shared treatment schema, stored by recordTreatment.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { AppError, type FieldIssue } from "@/lib/errors/app-errors";
import { treatmentCreateSchema } from "@/lib/treatments/schemas";
import { recordTreatment } from "@/lib/treatments/mutations";
import { toFieldIssues } from "@/lib/validation/parse";

export interface TreatmentFormValues {
  kind: string;
  occurredAtLocal: string;
  text: string;
}

export type TreatmentFormResult = { status: "idle" } | { status: "error"; issues: FieldIssue[] };

/** The payload is built in the browser (it knows its own UTC offset for the date). */
export async function recordTreatmentAction(patientId: string, _prev: TreatmentFormResult, payload: unknown): Promise<TreatmentFormResult> {
  const actor = await requireActor();
  const parsed = treatmentCreateSchema.safeParse(payload);
  if (!parsed.success) return { status: "error", issues: toFieldIssues(parsed.error.issues) };
  try {
    await recordTreatment(actor, patientId, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { status: "error", issues: error.issues.length ? error.issues : [{ path: "body", message: error.message }] };
    throw error;
  }
  redirect(`/patients/${patientId}?notice=treatment-saved`);
}
