// Previous values for the assessment form: the latest value per code+side from the patient's
// visits (deleted ones left out), read through listAssessments so the clinic scope is enforced.
import type { Actor } from "@/lib/auth/actor";
import { latestValues, type PreviousValue } from "@/lib/assessment-form/previous";
import { listAssessments } from "./queries";

export type { PreviousValue };

export async function previousValues(
  actor: Actor,
  patientId: string,
  options: { before?: { id: string; takenAt: string } } = {},
): Promise<Record<string, PreviousValue>> {
  const visits = await listAssessments(actor, patientId);
  return latestValues(visits, options);
}
