"use server";
// Records a new visit. The payload is parsed with THE assessment schema (lib/clinical/validation),
// then recordAssessment stores it (and checks what only the server knows, e.g. a future date).
// The result is returned, never thrown: the form keeps every entry when the save is rejected.
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { assessmentInputSchema } from "@/lib/clinical/validation";
import { recordAssessment } from "@/lib/assessments/mutations";
import { toFieldIssues } from "@/lib/validation/parse";
import type { SaveResult } from "@/lib/assessment-form/form-state";

const REJECTED = "Nothing was saved. Correct the marked fields and save again.";

export async function recordAssessmentAction(patientId: string, _previous: SaveResult, payload: unknown): Promise<SaveResult> {
  const actor = await requireActor();
  const parsed = assessmentInputSchema.safeParse(payload);
  if (!parsed.success) return { status: "rejected", message: REJECTED, issues: toFieldIssues(parsed.error.issues) };
  try {
    // The raw payload: recordAssessment also reads its questionnaires and footwear (issue 18).
    await recordAssessment(actor, patientId, payload);
  } catch (error) {
    if (error instanceof AppError) return { status: "rejected", message: error.issues.length ? REJECTED : error.message, issues: error.issues };
    throw error;
  }
  return { status: "saved", redirectTo: `/patients/${patientId}?notice=assessment-saved` };
}
