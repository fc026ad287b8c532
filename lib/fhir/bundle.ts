// Stored data → a FHIR R4 Bundle (type collection), pure. Every resource's fullUrl is
// urn:uuid:<id> (the row id where there is a row), and references point at those fullUrls, so the
// bundle is self-contained for an importing system. Codes: see codes.ts and docs/decisions.
import { MEASURES, isMeasureCode, type MeasureCode, type Side } from "@/lib/clinical/measures";
import type { Evaluation, Flag } from "@/lib/clinical/types";
import { SPECIALTY_LABELS, type ReferralSection, type Specialty, type Urgency } from "@/lib/referrals/schemas";
import * as C from "./codes";
import { stableUuid, urn } from "./ids";
import type { PatientHistoryView } from "@/lib/patients/history/queries";
import { ITEM_ANSWERS_METHOD, INSTRUMENT_CODES } from "@/lib/questionnaires/instruments";
import { heelOnset, heelOnsetNote, historyConditions, questionnaireResponseResource, type FhirQuestionnaireInput } from "./history-resources";

export interface FhirPractitionerInput {
  id: string;
  name: string;
  registrationNumber: string | null;
}

export interface FhirExportInput {
  clinicId: string;
  patient: {
    id: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    sex: "female" | "male" | "other" | "unknown";
    mrn: string | null;
    diagnosisSide: "left" | "right" | "both";
  };
  /** Non-deleted visits, oldest first. */
  assessments: {
    takenAt: string;
    raterId: string;
    measures: { id: string; code: string; side: Side; value: number; method: string | null }[];
    /** Item answers kept with the visit (issue 18); absent = none. */
    questionnaires?: FhirQuestionnaireInput[];
  }[];
  /** The clinical history (onsets); absent = not recorded. */
  history?: PatientHistoryView;
  practitioners: FhirPractitionerInput[];
  evaluation: Evaluation;
  referrals: {
    id: string;
    status: "draft" | "final" | "superseded";
    urgency: Urgency;
    specialty: string;
    version: number;
    supersedesId: string | null;
    authorId: string;
    createdAt: string;
    finalizedAt: string | null;
    sections: ReferralSection[];
  }[];
  /** When the bundle was made (Bundle.timestamp). */
  generatedAt: string;
}

type Entry = fhir4.BundleEntry<fhir4.FhirResource>;

const ref = (id: string, display?: string): fhir4.Reference => ({ reference: urn(id), ...(display ? { display } : {}) });

function patientResource(input: FhirExportInput): fhir4.Patient {
  const p = input.patient;
  return {
    resourceType: "Patient",
    id: p.id,
    ...(p.mrn
      ? {
          identifier: [
            {
              use: "usual",
              type: { coding: [{ system: C.IDENTIFIER_TYPE, code: "MR", display: "Medical record number" }] },
              system: C.mrnSystem(input.clinicId),
              value: p.mrn,
            },
          ],
        }
      : {}),
    name: [{ use: "official", family: p.familyName, given: [p.givenName], text: `${p.givenName} ${p.familyName}` }],
    birthDate: p.birthDate,
    // Our values are FHIR's administrative-gender codes already.
    gender: p.sex,
  };
}

function practitionerResource(u: FhirPractitionerInput): fhir4.Practitioner {
  return {
    resourceType: "Practitioner",
    id: u.id,
    ...(u.registrationNumber ? { identifier: [{ system: C.REGISTRATION_SYSTEM, value: u.registrationNumber }] } : {}),
    name: [{ text: u.name }],
  };
}

function observationCode(code: MeasureCode): fhir4.CodeableConcept {
  const m = MEASURES[code];
  const local = { system: C.MEASURE_SYSTEM, code, display: m.label };
  // Pain carries LOINC first and our code beside it, so the exact scale (heel, hip, back) survives.
  return C.PAIN_CODES.has(code) ? { coding: [C.PAIN_LOINC, local], text: m.label } : { coding: [local], text: m.label };
}

function observationResource(
  input: FhirExportInput,
  visit: FhirExportInput["assessments"][number],
  m: FhirExportInput["assessments"][number]["measures"][number] & { code: MeasureCode },
): fhir4.Observation {
  const def = MEASURES[m.code];
  const category = C.SURVEY_CODES.has(m.code) ? "survey" : "exam";
  const site = C.MEASURE_SITES[m.code];
  return {
    resourceType: "Observation",
    id: m.id,
    ...(m.side !== "none" ? { extension: [{ url: C.STRUCTURE_LATERALITY_EXTENSION, valueCodeableConcept: { coding: [C.LATERALITY[m.side]] } }] } : {}),
    status: "final",
    category: [{ coding: [{ system: C.OBSERVATION_CATEGORY, code: category, display: category === "survey" ? "Survey" : "Exam" }] }],
    code: observationCode(m.code),
    subject: ref(input.patient.id),
    effectiveDateTime: visit.takenAt,
    performer: [ref(visit.raterId)],
    // A yes/no finding (pelvis dropped) is a boolean, not a quantity of "1 yes/no".
    ...(C.BOOLEAN_CODES.has(m.code) ? { valueBoolean: m.value === 1 } : { valueQuantity: { value: m.value, unit: def.unit, system: C.UCUM, code: def.ucum } }),
    ...(site ? { bodySite: C.bodySite(site, m.side) } : {}),
    ...(m.method ? { method: { text: m.method } } : {}),
    ...derivedFrom(visit, m),
  };
}

/** A score calculated from item answers names its QuestionnaireResponse. */
function derivedFrom(visit: FhirExportInput["assessments"][number], m: { code: string; method: string | null }): Pick<fhir4.Observation, "derivedFrom"> {
  if (m.method !== ITEM_ANSWERS_METHOD) return {};
  const q = visit.questionnaires?.find((x) => INSTRUMENT_CODES[x.instrument] === m.code);
  return q ? { derivedFrom: [ref(q.id)] } : {};
}

const QUALITATIVE: Record<Flag["severity"], { code: string; display: string }> = {
  low: { code: "low", display: "Low likelihood" },
  moderate: { code: "moderate", display: "Moderate likelihood" },
  high: { code: "high", display: "High likelihood" },
  critical: { code: "high", display: "High likelihood" },
};

export function riskAssessmentId(patientId: string, flag: Pick<Flag, "id" | "side">): string {
  return stableUuid("risk", patientId, flag.id, flag.side);
}

export function conditionId(patientId: string): string {
  return stableUuid("condition", patientId, "M72.2");
}

const REGION_NAMES = { heel: "Heel", hip: "Hip", back: "Low-back" } as const;

/** "Heel", "Hip and low-back", "Heel, hip and low-back". */
function regionWords(regions: readonly Flag["regions"][number][]): string {
  const words = regions.map((r, i) => (i === 0 ? REGION_NAMES[r] : REGION_NAMES[r].toLowerCase()));
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function riskAssessmentResource(input: FhirExportInput, flag: Flag, observationIdOf: (code: string, side: Side, takenAt: string) => string | undefined): fhir4.RiskAssessment {
  const basis = flag.inputs
    .map((i) => observationIdOf(i.code, i.side, i.takenAt))
    .filter((id): id is string => id !== undefined)
    .map((id) => ref(id));
  const outcome =
    flag.id === "RED_FLAG"
      ? `Needs referral (red flag${flag.tier ? `, ${flag.tier} tier` : ""})`
      : flag.id === "RED_FLAG_REVIEW"
        ? "Red flag for review: reason it through; refer if it persists or other findings join it"
        : `${regionWords(flag.regions)} findings worth monitoring (an association, not a diagnosis)`;
  return {
    resourceType: "RiskAssessment",
    id: riskAssessmentId(input.patient.id, flag),
    status: "final",
    subject: ref(input.patient.id),
    ...(input.evaluation.latestTakenAt ? { occurrenceDateTime: input.evaluation.latestTakenAt } : {}),
    method: { coding: [{ system: C.RULE_SYSTEM, code: flag.id, display: flag.title }], text: flag.title },
    code: { coding: [{ system: C.RULE_SYSTEM, code: flag.id }], text: flag.threshold },
    ...(basis.length > 0 ? { basis } : {}),
    prediction: [{ outcome: { text: outcome }, qualitativeRisk: { coding: [{ system: C.RISK_PROBABILITY, ...QUALITATIVE[flag.severity] }] } }],
    note: [{ text: flag.explanation }, { text: `Evidence${flag.grade ? ` grade ${flag.grade}` : ""}: ${flag.source}` }],
  };
}

function conditionResource(input: FhirExportInput): fhir4.Condition {
  const sides: Side[] = input.patient.diagnosisSide === "both" ? ["left", "right"] : [input.patient.diagnosisSide];
  const first = input.assessments[0]?.takenAt;
  return {
    resourceType: "Condition",
    id: conditionId(input.patient.id),
    clinicalStatus: { coding: [{ system: C.CONDITION_CLINICAL, code: "active" }] },
    verificationStatus: { coding: [{ system: C.CONDITION_VERIFICATION, code: "confirmed" }] },
    category: [{ coding: [{ system: C.CONDITION_CATEGORY, code: "problem-list-item", display: "Problem List Item" }] }],
    code: { coding: [C.PLANTAR_FASCIITIS_ICD10], text: "Plantar fasciitis" },
    bodySite: sides.map((side) => C.bodySite(C.HEEL_SITE, side)),
    subject: ref(input.patient.id),
    ...(first ? { recordedDate: first } : {}),
    ...(heelOnset(input.history) ? { onsetDateTime: heelOnset(input.history) } : {}),
    ...(heelOnsetNote(input.history).length ? { note: heelOnsetNote(input.history) } : {}),
  };
}

const REQUEST_STATUS = { draft: "draft", final: "active", superseded: "revoked" } as const;
// FHIR request-priority: routine < urgent < asap < stat; an emergency-tier red flag is "stat".
const REQUEST_PRIORITY: Record<Urgency, "routine" | "urgent" | "asap" | "stat"> = { routine: "routine", soon: "urgent", urgent: "asap", emergency: "stat" };

/**
 * Why the referral is made, coded: plantar fasciitis always; low-back pain when the back region
 * has a flag; hip pain per side when a hip flag names that side. The flags themselves are the
 * RiskAssessments in reasonReference.
 */
export function referralReasonCodes(evaluation: Evaluation): fhir4.CodeableConcept[] {
  const out: fhir4.CodeableConcept[] = [{ coding: [C.PLANTAR_FASCIITIS_ICD10], text: "Plantar fasciitis" }];
  if (evaluation.regions.back.level !== "none") out.push({ coding: [C.LOW_BACK_PAIN_ICD10], text: "Low-back findings" });
  if (evaluation.regions.hip.level !== "none") {
    const sides = new Set(evaluation.flags.filter((f) => f.regions.includes("hip") && f.id !== "RED_FLAG" && f.id !== "RED_FLAG_REVIEW").map((f) => f.side));
    for (const side of ["left", "right"] as const) if (sides.has(side)) out.push({ coding: [C.HIP_PAIN_ICD10[side]], text: `Hip findings, ${side}` });
    if (!sides.has("left") && !sides.has("right")) out.push({ text: "Hip findings" });
  }
  return out;
}

function serviceRequestResource(input: FhirExportInput, r: FhirExportInput["referrals"][number], reasons: fhir4.Reference[], ids: ReadonlySet<string>): fhir4.ServiceRequest {
  const label = SPECIALTY_LABELS[r.specialty as Specialty] ?? r.specialty;
  const text = r.sections
    .filter((s) => s.included && s.text.trim() !== "")
    .map((s) => `${s.title}\n${s.text}`)
    .join("\n\n");
  return {
    resourceType: "ServiceRequest",
    id: r.id,
    identifier: [{ system: C.REFERRAL_SYSTEM, value: r.id }],
    ...(r.supersedesId && ids.has(r.supersedesId) ? { replaces: [ref(r.supersedesId)] } : {}),
    status: REQUEST_STATUS[r.status],
    intent: "order",
    priority: REQUEST_PRIORITY[r.urgency],
    code: { coding: [C.REFERRAL_SNOMED], text: `Referral to ${label.toLowerCase()}` },
    performerType: { coding: [{ system: C.SPECIALTY_SYSTEM, code: r.specialty, display: label }], text: label },
    subject: ref(input.patient.id),
    authoredOn: r.finalizedAt ?? r.createdAt,
    requester: ref(r.authorId),
    reasonCode: referralReasonCodes(input.evaluation),
    reasonReference: reasons,
    ...(text ? { note: [{ text }] } : {}),
  };
}

export function buildPatientBundle(input: FhirExportInput): fhir4.Bundle<fhir4.FhirResource> {
  const entries: Entry[] = [];
  const add = (resource: fhir4.FhirResource & { id?: string }) => entries.push({ fullUrl: urn(resource.id!), resource });

  add(patientResource(input));
  const practitionerIds = new Set<string>();
  for (const u of input.practitioners) {
    if (practitionerIds.has(u.id)) continue;
    practitionerIds.add(u.id);
    add(practitionerResource(u));
  }
  const condition = conditionResource(input);
  add(condition);
  for (const c of historyConditions(input.patient.id, input.history)) add(c);

  const observationIds = new Map<string, string>();
  const key = (code: string, side: string, takenAt: string) => `${code}|${side}|${Date.parse(takenAt)}`;
  for (const visit of input.assessments) {
    for (const m of visit.measures) {
      if (!isMeasureCode(m.code)) continue;
      observationIds.set(key(m.code, m.side, visit.takenAt), m.id);
      add(observationResource(input, visit, { ...m, code: m.code }));
    }
    for (const q of visit.questionnaires ?? []) add(questionnaireResponseResource(input.patient.id, visit, q));
  }

  const riskRefs: fhir4.Reference[] = [];
  for (const flag of input.evaluation.flags) {
    const risk = riskAssessmentResource(input, flag, (code, side, takenAt) => observationIds.get(key(code, side, takenAt)));
    add(risk);
    riskRefs.push(ref(risk.id!, flag.title));
  }

  const referralIds = new Set(input.referrals.map((r) => r.id));
  const reasons = [ref(condition.id!, "Plantar fasciitis"), ...riskRefs];
  for (const r of input.referrals) add(serviceRequestResource(input, r, reasons, referralIds));

  return { resourceType: "Bundle", type: "collection", timestamp: input.generatedAt, entry: entries };
}
