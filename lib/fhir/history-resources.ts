// FHIR resources of issue 18, pure: a QuestionnaireResponse per questionnaire answered at a visit
// (its score is the visit's Observation, which names the response in derivedFrom), and the
// onsets of the clinical history: Condition.onsetDateTime on the plantar fasciitis Condition and
// Conditions for hip and low-back pain (ICD-10-CM codes of clinical/measures.md).
import type { Side } from "@/lib/clinical/measures";
import { ITEM_INSTRUMENT_DEFS, PSFS_DEF, type Instrument, type PsfsActivity } from "@/lib/questionnaires/instruments";
import type { PatientHistoryView } from "@/lib/patients/history/queries";
import * as C from "./codes";
import { stableUuid, urn } from "./ids";

export const QUESTIONNAIRE_SYSTEM = "urn:gait-dashboard:questionnaire";
export const HISTORY_SYSTEM = "urn:gait-dashboard:history";

export interface FhirQuestionnaireInput {
  id: string;
  instrument: Instrument;
  /** Items 0-4 or null (N/A), or the PSFS activities. */
  answers: (number | null)[] | PsfsActivity[];
  score: number;
}

const ref = (id: string): fhir4.Reference => ({ reference: urn(id) });

/** The answers by item number (linkId "1", "2", …); an N/A item has no answer. PSFS items carry the activity as their text. */
export function questionnaireResponseResource(
  patientId: string,
  visit: { takenAt: string; raterId: string },
  q: FhirQuestionnaireInput,
): fhir4.QuestionnaireResponse {
  const label = q.instrument === "psfs" ? PSFS_DEF.label : ITEM_INSTRUMENT_DEFS[q.instrument].label;
  const item: fhir4.QuestionnaireResponseItem[] =
    q.instrument === "psfs"
      ? (q.answers as PsfsActivity[]).map((a, i) => ({ linkId: String(i + 1), text: a.name, answer: [{ valueInteger: a.score }] }))
      : (q.answers as (number | null)[]).map((a, i) => ({ linkId: String(i + 1), ...(a === null ? {} : { answer: [{ valueInteger: a }] }) }));
  return {
    resourceType: "QuestionnaireResponse",
    id: q.id,
    questionnaire: `${QUESTIONNAIRE_SYSTEM}:${q.instrument}`,
    status: "completed",
    subject: ref(patientId),
    authored: visit.takenAt,
    author: ref(visit.raterId),
    item,
    // The text a person reads; the instrument's own wording is not reproduced.
    meta: { tag: [{ system: QUESTIONNAIRE_SYSTEM, code: q.instrument, display: label }] },
  };
}

/** Earliest heel-pain onset over the recorded sides, as the plantar fasciitis Condition's onset. */
export function heelOnset(history: PatientHistoryView | undefined): string | undefined {
  if (!history) return undefined;
  return [history.heelPainOnset.left, history.heelPainOnset.right].filter((d): d is string => d !== null).sort()[0];
}

function beforeHeelNote(region: "Hip" | "Low-back", answer: "yes" | "no" | "unknown"): fhir4.Annotation {
  const words = { yes: "present before the heel pain began", no: "not present before the heel pain began", unknown: "unknown whether present before the heel pain" }[answer];
  return { text: `${region} pain ${words}.` };
}

const HIP_ICD10: Record<"left" | "right" | "unspecified", fhir4.Coding> = {
  right: { system: C.ICD10CM, code: "M25.551", display: "Pain in right hip" },
  left: { system: C.ICD10CM, code: "M25.552", display: "Pain in left hip" },
  unspecified: { system: C.ICD10CM, code: "M25.559", display: "Pain in unspecified hip" },
};
const LOW_BACK_ICD10: fhir4.Coding = { system: C.ICD10CM, code: "M54.50", display: "Low back pain, unspecified" };

function condition(patientId: string, code: fhir4.Coding, text: string, onset: string | null, site: fhir4.CodeableConcept, note: fhir4.Annotation): fhir4.Condition {
  return {
    resourceType: "Condition",
    id: stableUuid("condition", patientId, code.code!),
    clinicalStatus: { coding: [{ system: C.CONDITION_CLINICAL, code: "active" }] },
    verificationStatus: { coding: [{ system: C.CONDITION_VERIFICATION, code: "provisional" }] },
    category: [{ coding: [{ system: C.CONDITION_CATEGORY, code: "problem-list-item", display: "Problem List Item" }] }],
    code: { coding: [code], text },
    bodySite: [site],
    subject: ref(patientId),
    ...(onset ? { onsetDateTime: onset } : {}),
    note: [note],
  };
}

/**
 * Hip and low-back pain Conditions from the history: only when the pain is known to exist (an
 * onset date, or "present before the heel pain: yes"); "no" and "unknown" alone say nothing of it.
 */
export function historyConditions(patientId: string, history: PatientHistoryView | undefined): fhir4.Condition[] {
  if (!history) return [];
  const out: fhir4.Condition[] = [];
  const hip = history.hipPain;
  if (hip.onset || hip.beforeHeelPain === "yes") {
    const sides: ("left" | "right" | "unspecified")[] = hip.side === "both" ? ["left", "right"] : [hip.side ?? "unspecified"];
    for (const side of sides) {
      const siteSide: Side = side === "unspecified" ? "none" : side;
      out.push(condition(patientId, HIP_ICD10[side], HIP_ICD10[side].display!, hip.onset, C.bodySite(C.HIP, siteSide), beforeHeelNote("Hip", hip.beforeHeelPain)));
    }
  }
  const back = history.backPain;
  if (back.onset || back.beforeHeelPain === "yes") {
    out.push(condition(patientId, LOW_BACK_ICD10, "Low back pain", back.onset, C.bodySite(C.LOW_BACK, "none"), beforeHeelNote("Low-back", back.beforeHeelPain)));
  }
  return out;
}

/** Per-side heel onsets as a note on the plantar fasciitis Condition (its onsetDateTime is the earliest). */
export function heelOnsetNote(history: PatientHistoryView | undefined): fhir4.Annotation[] {
  if (!history) return [];
  const { left, right } = history.heelPainOnset;
  if (!left && !right) return [];
  return [{ text: `Heel pain began: left ${left ?? "not recorded"}, right ${right ?? "not recorded"}.` }];
}
