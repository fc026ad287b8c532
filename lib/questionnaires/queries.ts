// The activities of the patient's latest PSFS, offered again at the next visit (measures.md: "the
// same activities are offered at the next visit"). Deleted visits are left out.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format/dates";
import type { PsfsActivity } from "./instruments";

export async function previousPsfsActivities(actor: Actor, patientId: string, before?: { takenAt: string }): Promise<{ date: string; names: string[] } | null> {
  const row = await db.questionnaireResponse.findFirst({
    where: {
      clinicId: actor.clinicId,
      instrument: "psfs",
      assessment: { patientId, clinicId: actor.clinicId, deletedAt: null, ...(before ? { takenAt: { lt: new Date(before.takenAt) } } : {}) },
    },
    orderBy: { assessment: { takenAt: "desc" } },
    select: { answers: true, assessment: { select: { takenAt: true } } },
  });
  if (!row) return null;
  return { date: formatDate(row.assessment.takenAt.toISOString()), names: (row.answers as unknown as PsfsActivity[]).map((a) => a.name) };
}
