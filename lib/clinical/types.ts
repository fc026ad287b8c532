// Input and output types of the flag engine. Output field names are the contract
// (spec/contract.md section 2); fields beyond the contract are additions, never renames.

import type { MeasureCode, RedFlagCode, Side } from "./measures";

export type { MeasureCode, RedFlagCode, Side };

export interface MeasureValueInput {
  code: MeasureCode;
  side: Side;
  value: number;
  method?: string;
}

export interface AssessmentInput {
  /** ISO 8601 date-time with offset, e.g. "2026-03-01T09:30:00Z". */
  takenAt: string;
  measures: MeasureValueInput[];
  /** The red-flag screen's ticked items ([] when none). Absent: no screen was recorded at this
   * visit, which is not the same as a clear one (the red-flag rules read the latest screen). */
  redFlags?: RedFlagCode[];
  notes?: string;
}

export interface PatientForEvaluation {
  heightCm?: number | null;
  sex?: string;
  birthDate?: string;
}

export interface PatientHistory {
  patient?: PatientForEvaluation;
  assessments: AssessmentInput[];
}

export type Severity = "critical" | "high" | "moderate" | "low";
export type Level = "high" | "moderate" | "low" | "none";
export type Status = "refer" | Level;
/** Regions of rules.md v2: the plantar heel pain itself, the hip and the low back. */
export type Region = "heel" | "hip" | "back";
export type Link = "foot" | "pelvis" | "symptom" | "systemic";
export type Grade = "A" | "B" | "H";

export type RuleId =
  | "DF_NWB_SEVERE"
  | "DF_NWB_LIMITED"
  | "DF_WBLT_LOW"
  | "DF_WBLT_ASYM"
  | "CALF_GASTROC"
  | "FPI_PRONATED"
  | "NAVICULAR_DROP"
  | "HIP_ABD_ASYM_HIGH"
  | "HIP_ABD_ASYM"
  | "TRENDELENBURG"
  | "PELVIC_DROP_RISING"
  | "HIP_FLEXOR_TIGHT"
  | "LEG_LENGTH"
  | "HIP_PAIN"
  | "HIP_PAIN_RISING"
  | "BACK_PAIN"
  | "BACK_PAIN_RISING"
  | "ODI_MODERATE"
  | "ODI_RISING"
  | "FUNCTION_DECLINE"
  | "HEEL_FUNCTION_DECLINE"
  | "HEEL_PAIN_RISING"
  | "BMI_HIGH"
  | "RED_FLAG"
  | "RED_FLAG_REVIEW";

/** Red-flag tier carried by RED_FLAG (the highest ticked); review items give RED_FLAG_REVIEW. */
export type RedFlagFlagTier = "emergency" | "urgent";

/** One recorded value a flag used, with the date it came from. */
export interface FlagInput {
  /** A measure code, or a red-flag code for RED_FLAG (value 1 = box ticked). */
  code: MeasureCode | RedFlagCode;
  side: Side;
  value: number;
  takenAt: string;
}

export interface Flag {
  id: RuleId;
  side: Side;
  severity: Severity;
  /** Regions the flag names. RED_FLAG names both and carries `refer: true` (it does not set levels). */
  regions: Region[];
  /** Link of the chain; null for RED_FLAG, which is outside the chain. */
  link: Link | null;
  /** Evidence grade; null for RED_FLAG (a referral rule, not graded evidence). */
  grade: Grade | null;
  inputs: FlagInput[];
  /** Short clinician-facing title, e.g. "Limited ankle dorsiflexion (left)". */
  title: string;
  /** The threshold in words, e.g. "above 0° and up to 10°". */
  threshold: string;
  explanation: string;
  source: string;
  /** Numbers the rule derived from its inputs (asymmetry %, BMI, change since baseline…). */
  derived?: Record<string, number>;
  /** Only on RED_FLAG: the patient should be referred. */
  refer?: true;
  /** Only on RED_FLAG: the highest tier ticked. */
  tier?: RedFlagFlagTier;
  /** On RED_FLAG and RED_FLAG_REVIEW: the ticked red-flag codes the flag stands for. */
  items?: RedFlagCode[];
  /** Only on RED_FLAG_REVIEW: what to suggest for its items ("rheumatology", "a neurological examination"). */
  suggestions?: string[];
}

export interface NotEvaluated {
  id: RuleId;
  /** Inputs the rule needed and did not have, as "code:side" (or "patient.heightCm"). Stale inputs are listed here too. */
  missing: string[];
  /** The subset of inputs that were recorded but are older than 180 days before the latest assessment. */
  skippedStale: string[];
  /** Sides the rule could not be evaluated for. */
  sides: Side[];
  reason: string;
}

export interface RegionResult {
  level: Level;
  escalated: boolean;
  links: Link[];
  /** Highest severity among the region's flags, before chain escalation. */
  baseLevel: Level;
  /** Why the level was escalated (present only when escalated). */
  reason?: string;
  /** Ids of the flags that raised the level by chain escalation (a symptom and a pelvis flag). */
  escalatedBy?: RuleId[];
}

export type TrendLabel = "within_error" | "real_change" | "important_change" | "unrated";
export type TrendDirection = "better" | "worse" | "same" | "none";

export interface Trend {
  code: MeasureCode;
  side: Side;
  baseline: number;
  previous: number;
  latest: number;
  delta: number;
  deltaFromPrevious: number;
  label: TrendLabel;
  plateau: boolean;
  direction: TrendDirection;
  count: number;
  baselineTakenAt: string;
  previousTakenAt: string;
  latestTakenAt: string;
  /** The MDC used, in the measure's unit (a percentage MDC taken of the baseline); null when none (never the MCID). */
  mdc: number | null;
  /** The MDC as a person should read it ("2 points", "15 % of the value"); never a value rounding to 0. */
  mdcText: string | null;
  /** The MCID that applied to this change, in the measure's unit (for pain it depends on the direction); null when none. */
  mcid: number | null;
  /** A pain rating whose latest value is 0: shown as "pain-free". */
  painFree: boolean;
  /** True when the method note differs between any two of the values (charts must mark it). */
  methodChanged: boolean;
}

export interface Evaluation {
  /** The version of clinical/rules.md this evaluation follows. */
  rulesVersion: number;
  status: Status;
  regions: Record<Region, RegionResult>;
  flags: Flag[];
  notEvaluated: NotEvaluated[];
  trends: Trend[];
  /** Date-time of the latest assessment, the reference point for the 180-day staleness limit. */
  latestTakenAt: string | null;
}
