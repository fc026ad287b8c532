// Loads one note's model for the PDF and the HTML views: the stored referral (clinic-scoped), the
// patient's data up to the note's reference time (finalisation, or now for a draft), evaluated
// and assembled by build.ts. A final note therefore never changes with later visits.
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { evaluate } from "@/lib/clinical/evaluate";
import type { PatientHistory } from "@/lib/clinical/types";
import { getReferral, loadReferralContext, type ReferralContext, type ReferralView } from "../queries";
import { buildReferralNote } from "./build";
import type { ReferralFields, ReferralNote, ReferralNoteInput } from "./types";

export function historyUpTo(history: PatientHistory, cutoffIso: string): PatientHistory {
  const cutoff = Date.parse(cutoffIso);
  return { ...history, assessments: history.assessments.filter((a) => Date.parse(a.takenAt) <= cutoff) };
}

/** The note's input from the stored data, cut at `asOf`. */
export function noteInput(fields: ReferralFields, context: ReferralContext, asOf: string, author = context.author): ReferralNoteInput {
  const history = historyUpTo(context.history, asOf);
  const cutoff = Date.parse(asOf);
  return {
    referral: fields,
    patient: context.patient,
    author,
    history,
    // The stored evaluation when nothing is cut off (a draft, or no visit after finalisation).
    evaluation: history.assessments.length === context.history.assessments.length ? context.evaluation : evaluate(history),
    clinical: context.clinical,
    treatments: context.treatments.filter((t) => Date.parse(t.startedAt) <= cutoff),
    asOf,
  };
}

export function fieldsOf(r: ReferralView): ReferralFields {
  return {
    specialty: r.specialty,
    specialtyLabel: r.specialtyLabel,
    urgency: r.urgency,
    question: r.question,
    diagnosisBasis: r.diagnosisBasis,
    differentialsExcluded: r.differentialsExcluded,
    differentialOther: r.differentialOther,
    comment: r.comment,
    version: r.version,
    status: r.status,
    createdAt: r.createdAt,
    finalizedAt: r.finalizedAt,
    finalizedByName: r.finalizedBy?.name ?? null,
    sections: r.sections,
  };
}

export async function loadReferralNote(actor: Actor, id: string, now: Date = new Date()): Promise<{ referral: ReferralView; note: ReferralNote }> {
  const referral = await getReferral(actor, id);
  const context = await loadReferralContext(db, actor, referral.patientId, referral.author.id);
  const asOf = referral.finalizedAt ?? now.toISOString();
  return { referral, note: buildReferralNote(noteInput(fieldsOf(referral), context, asOf, referral.author)) };
}
