"use server";
// Corrects a visit: the shared schema checks the corrected values, amendAssessment stores them
// with the reason and keeps the originals in the audit trail.
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-errors";
import { assessmentInputSchema } from "@/lib/clinical/validation";
import { amendReasonSchema } from "@/lib/assessments/input";
import { amendAssessment } from "@/lib/assessments/mutations";
import { toFieldIssues } from "@/lib/validation/parse";
import type { SaveResult } from "@/lib/assessment-form/form-state";

const REJECTED = "Nothing was changed. Correct the marked fields and save again.";

export async function amendAssessmentAction(assessmentId: string, patientId: string, _previous: SaveResult, payload: unknown): Promise<SaveResult> {
  const actor = await requireActor();
  const body = (typeof payload === "object" && payload !== null ? payload : {}) as Record<string, unknown>;
  const { reason, ...visit } = body;
  const issues = [];
  const parsedVisit = assessmentInputSchema.safeParse(visit);
  if (!parsedVisit.success) issues.push(...toFieldIssues(parsedVisit.error.issues));
  const parsedReason = amendReasonSchema.safeParse(reason);
  if (!parsedReason.success) issues.push(...parsedReason.error.issues.map((i) => ({ path: "reason", message: i.message })));
  if (issues.length || !parsedVisit.success || !parsedReason.success) return { status: "rejected", message: REJECTED, issues };
  try {
    // notes: null clears notes the correction removed (absent would keep the old ones).
    // questionnaires and footwear are sent in full by the form ([] and null remove them).
    const { questionnaires, footwear } = visit as { questionnaires?: unknown; footwear?: unknown };
    await amendAssessment(actor, assessmentId, {
      ...parsedVisit.data,
      notes: parsedVisit.data.notes ?? null,
      reason: parsedReason.data,
      ...(questionnaires !== undefined ? { questionnaires } : {}),
      ...(footwear !== undefined ? { footwear } : {}),
    });
  } catch (error) {
    if (error instanceof AppError) return { status: "rejected", message: error.issues.length ? REJECTED : error.message, issues: error.issues };
    throw error;
  }
  return { status: "saved", redirectTo: `/patients/${patientId}?notice=assessment-amended` };
}
