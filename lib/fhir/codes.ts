// Code systems and codes of the FHIR export (clinical/measures.md "Codes for exchange"). Local
// systems are URNs under urn:gait-dashboard so they can never clash with a registered system.
import type { MeasureCode, Side } from "@/lib/clinical/measures";

export const SNOMED = "http://snomed.info/sct";
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const MEASURE_SYSTEM = "urn:gait-dashboard:measure";
export const RULE_SYSTEM = "urn:gait-dashboard:rule";
export const REGISTRATION_SYSTEM = "urn:gait-dashboard:registration";
export const SPECIALTY_SYSTEM = "urn:gait-dashboard:specialty";
export const REFERRAL_SYSTEM = "urn:gait-dashboard:referral";
/** Laterality of a body site. R4 has no element for it; this local extension carries SNOMED codes. */
export const LATERALITY_EXTENSION = "urn:gait-dashboard:extension:laterality";
/**
 * HL7's own extension for an Observation's laterality (FHIR Extensions Pack,
 * observation-structureLaterality, usable in R4): every left or right Observation carries it too,
 * so a receiving system that knows HL7's extensions reads the side without knowing ours.
 */
export const STRUCTURE_LATERALITY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";
export const CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
export const CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
export const CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
export const IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

export function mrnSystem(clinicId: string): string {
  return `urn:gait-dashboard:mrn:${clinicId}`;
}

/** LOINC 72514-3: pain severity 0-10 verbal numeric rating, reported. */
export const PAIN_LOINC = { system: LOINC, code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" };
export const PAIN_CODES: ReadonlySet<MeasureCode> = new Set(["pain_heel_nprs", "pain_first_step_nprs", "pain_hip_nprs", "pain_back_nprs"]);

/** Yes/no findings, exported as Observation.valueBoolean (1 = yes). */
export const BOOLEAN_CODES: ReadonlySet<MeasureCode> = new Set(["trendelenburg_pelvis_dropped"]);

/**
 * Patient-reported questionnaires and ratings are "survey"; everything measured by the clinician
 * is "exam".
 */
export const SURVEY_CODES: ReadonlySet<MeasureCode> = new Set([
  ...PAIN_CODES,
  "odi_percent",
  "lefs_score",
  "faam_adl_percent",
  "faam_sports_percent",
  "psfs_mean",
  "work_on_feet_h",
  "activity_km_week",
]);

export const REFERRAL_SNOMED = { system: SNOMED, code: "103695009", display: "Referral to specialist" };
export const PLANTAR_FASCIITIS_ICD10 = { system: ICD10CM, code: "M72.2", display: "Plantar fascial fibromatosis" };
// Referral reasons (measures.md, "Codes for exchange"): M54.5 is invalid since 2021-10-01.
export const LOW_BACK_PAIN_ICD10 = { system: ICD10CM, code: "M54.50", display: "Low back pain, unspecified" };
export const HIP_PAIN_ICD10 = {
  right: { system: ICD10CM, code: "M25.551", display: "Pain in right hip" },
  left: { system: ICD10CM, code: "M25.552", display: "Pain in left hip" },
} as const;

export const LATERALITY: Record<Exclude<Side, "none">, { system: string; code: string; display: string }> = {
  left: { system: SNOMED, code: "7771000", display: "Left" },
  right: { system: SNOMED, code: "24028007", display: "Right" },
};

interface Site {
  code: string;
  display: string;
  /** Plain words for bodySite.text, e.g. "heel". */
  words: string;
}

const HEEL: Site = { code: "76853006", display: "Heel structure", words: "heel" };
const ANKLE: Site = { code: "70258002", display: "Ankle joint structure", words: "ankle" };
const FOOT: Site = { code: "56459004", display: "Foot structure", words: "foot" };
const KNEE: Site = { code: "72696002", display: "Knee region structure", words: "knee" };
export const HIP: Site = { code: "29836001", display: "Hip region structure", words: "hip" };
const LOWER_LIMB: Site = { code: "61685007", display: "Lower limb structure", words: "lower limb" };
export const LOW_BACK: Site = { code: "37822005", display: "Lower back structure", words: "low back" };

/** The body site a measure is taken at; whole-body measures (function scores, gait) have none. */
export const MEASURE_SITES: Partial<Record<MeasureCode, Site>> = {
  ankle_df_wblt_cm: ANKLE,
  ankle_df_wblt_deg: ANKLE,
  ankle_df_nwb_ext_deg: ANKLE,
  ankle_df_nwb_flex_deg: ANKLE,
  fpi6_total: FOOT,
  navicular_drop_mm: FOOT,
  hip_abd_hhd_n: HIP,
  trendelenburg_hold_s: HIP,
  trendelenburg_pelvis_dropped: HIP,
  knee_fppa_deg: KNEE,
  pelvic_drop_deg: HIP,
  thomas_hip_deg: HIP,
  thomas_knee_deg: HIP,
  leg_length_diff_mm: LOWER_LIMB,
  pain_heel_nprs: HEEL,
  pain_first_step_nprs: HEEL,
  pain_hip_nprs: HIP,
  pain_back_nprs: LOW_BACK,
};

export const HEEL_SITE = HEEL;

/** A bodySite CodeableConcept with the laterality extension when the side is left or right. */
export function bodySite(site: Site, side: Side): fhir4.CodeableConcept {
  const lateral = side === "none" ? undefined : LATERALITY[side];
  return {
    coding: [{ system: SNOMED, code: site.code, display: site.display }],
    text: lateral ? `${lateral.display} ${site.words}` : site.words.charAt(0).toUpperCase() + site.words.slice(1),
    ...(lateral ? { extension: [{ url: LATERALITY_EXTENSION, valueCodeableConcept: { coding: [lateral] } }] } : {}),
  };
}
