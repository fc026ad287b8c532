// The measures catalog as data: the single source of codes, units, ranges and measurement error
// (clinical/measures.md). The API, the forms, the flag engine, the charts and the FHIR export all
// read from here, so a code or range is changed in one place only.

export const MEASURE_CODES = [
  "ankle_df_wblt_cm",
  "ankle_df_wblt_deg",
  "ankle_df_nwb_ext_deg",
  "ankle_df_nwb_flex_deg",
  "fpi6_total",
  "navicular_drop_mm",
  "hip_abd_hhd_n",
  "trendelenburg_hold_s",
  "pelvic_drop_deg",
  "thomas_hip_deg",
  "thomas_knee_deg",
  "leg_length_diff_mm",
  "pain_heel_nprs",
  "pain_first_step_nprs",
  "pain_hip_nprs",
  "pain_back_nprs",
  "odi_percent",
  "lefs_score",
  "faam_adl_percent",
  "faam_sports_percent",
  "psfs_mean",
  "gait_speed_mps",
  "cadence_spm",
  "body_mass_kg",
  "trendelenburg_pelvis_dropped",
  "knee_fppa_deg",
  "waist_cm",
  "work_on_feet_h",
  "activity_km_week",
] as const;

export type MeasureCode = (typeof MEASURE_CODES)[number];

export const SIDES = ["left", "right", "none"] as const;
export type Side = (typeof SIDES)[number];

/** "bilateral": recorded per side (left/right); "none": one whole-body value (side "none"). */
export type MeasureSides = "bilateral" | "none";

/**
 * Minimal detectable change: a fixed amount in the measure's unit, or a percentage of the
 * baseline value (hand-held dynamometry error scales with the force).
 */
export type Mdc = number | { percentOfBaseline: number };

/**
 * Minimal clinically important difference, in the measure's unit. Pain ratings (rules.md v2,
 * "Trend labels") add a rule for improvements: an improvement must also reach this percentage of
 * the reference value, rounded up to whole points (2 points from a reference of 0-6, 3 from 7-10).
 * An MCID is never used as the measurement error.
 */
export interface Mcid {
  points: number;
  improvementPercentOfReference?: number;
}

export type Direction = "higher_better" | "lower_better" | "toward_range" | "none";
export type ChainGroup = "foot_ankle" | "hip_pelvis" | "symptoms_function";
export type FormSection =
  | "ankle_calf"
  | "foot_posture"
  | "hip_pelvis"
  | "leg_length"
  | "pain"
  | "function_scores"
  | "gait"
  | "body_mass"
  | "load";

export interface NormalRange {
  low?: number;
  high?: number;
  text: string;
  citation?: string;
}

export interface MeasureDefinition {
  code: MeasureCode;
  label: string;
  shortLabel: string;
  /** Unit as written in measures.md (cm, deg, score, 0-10, %…). */
  unit: string;
  /** Suffix for display right after the number: "°", " cm", " N", "/10". */
  unitSymbol: string;
  /** UCUM unit for FHIR Observation.valueQuantity. */
  ucum: string;
  sides: MeasureSides;
  min: number;
  max: number;
  step: number;
  mdc?: Mdc;
  mcid?: Mcid;
  normal?: NormalRange;
  direction: Direction;
  chainGroup: ChainGroup;
  formSection: FormSection;
  /** Extra caution shown beside values (e.g. poor reliability). */
  note?: string;
}

const def = (d: MeasureDefinition): MeasureDefinition => d;

export const MEASURES: Record<MeasureCode, MeasureDefinition> = {
  ankle_df_wblt_cm: def({
    code: "ankle_df_wblt_cm",
    label: "Weight-bearing lunge test, toe-to-wall distance",
    shortLabel: "Lunge test distance",
    unit: "cm", unitSymbol: " cm", ucum: "cm",
    sides: "bilateral", min: 0, max: 25, step: 0.1,
    mdc: 1.9,
    normal: { low: 9.2, high: 14.8, text: "12 ± 2.8 cm", citation: "Hoch & McKeon 2011" },
    direction: "higher_better", chainGroup: "foot_ankle", formSection: "ankle_calf",
  }),
  ankle_df_wblt_deg: def({
    code: "ankle_df_wblt_deg",
    label: "Weight-bearing lunge test, tibial inclination",
    shortLabel: "Lunge test angle",
    unit: "deg", unitSymbol: "°", ucum: "deg",
    sides: "bilateral", min: 0, max: 70, step: 0.5,
    mdc: 4.7,
    normal: { low: 33.4, high: 46.6, text: "about 40 ± 6.6° (knee flexed; about 10° more than knee extended)", citation: "Irving 2007 (controls)" },
    direction: "higher_better", chainGroup: "foot_ankle", formSection: "ankle_calf",
  }),
  ankle_df_nwb_ext_deg: def({
    code: "ankle_df_nwb_ext_deg",
    label: "Ankle dorsiflexion, knee extended (passive, goniometer)",
    shortLabel: "Dorsiflexion, knee straight",
    unit: "deg", unitSymbol: "°", ucum: "deg",
    sides: "bilateral", min: -30, max: 45, step: 0.5,
    mdc: 5,
    normal: { low: 17, high: 29, text: "about 23 ± 6°", citation: "Baumbach 2016" },
    direction: "higher_better", chainGroup: "foot_ankle", formSection: "ankle_calf",
    note: "MDC is a heuristic",
  }),
  ankle_df_nwb_flex_deg: def({
    code: "ankle_df_nwb_flex_deg",
    label: "Ankle dorsiflexion, knee flexed 90° (passive, goniometer)",
    shortLabel: "Dorsiflexion, knee bent",
    unit: "deg", unitSymbol: "°", ucum: "deg",
    sides: "bilateral", min: -30, max: 60, step: 0.5,
    mdc: 5,
    normal: { text: "about 10° more than with the knee extended" },
    direction: "higher_better", chainGroup: "foot_ankle", formSection: "ankle_calf",
    note: "MDC is a heuristic",
  }),
  fpi6_total: def({
    code: "fpi6_total",
    label: "Foot Posture Index (6 items), total",
    shortLabel: "Foot Posture Index",
    unit: "score", unitSymbol: "", ucum: "{score}",
    sides: "bilateral", min: -12, max: 12, step: 1,
    mdc: 2,
    normal: { low: 0, high: 5, text: "0 to +5 normal; healthy mean about +4", citation: "Redmond 2008" },
    direction: "toward_range", chainGroup: "foot_ankle", formSection: "foot_posture",
    note: "MDC is a heuristic",
  }),
  navicular_drop_mm: def({
    code: "navicular_drop_mm",
    label: "Navicular drop test",
    shortLabel: "Navicular drop",
    unit: "mm", unitSymbol: " mm", ucum: "mm",
    sides: "bilateral", min: 0, max: 30, step: 0.5,
    mdc: 6,
    normal: { high: 10, text: "under 10 mm", citation: "Brody 1982" },
    direction: "lower_better", chainGroup: "foot_ankle", formSection: "foot_posture",
    note: "poor reliability (κ about 0.4); MDC from a typical error of 2.16 mm (Sabino 2012)",
  }),
  hip_abd_hhd_n: def({
    code: "hip_abd_hhd_n",
    label: "Hip abduction strength, hand-held dynamometer (best of trials)",
    shortLabel: "Hip abduction strength",
    unit: "N", unitSymbol: " N", ucum: "N",
    sides: "bilateral", min: 0, max: 1000, step: 0.1,
    mdc: { percentOfBaseline: 15 },
    normal: { text: "compare with the other side and with the patient's own earlier values" },
    direction: "higher_better", chainGroup: "hip_pelvis", formSection: "hip_pelvis",
    note: "MDC (15 % of the value) is a heuristic",
  }),
  trendelenburg_hold_s: def({
    code: "trendelenburg_hold_s",
    label: "Single-leg stance with level pelvis, seconds held (stance side)",
    shortLabel: "Single-leg stance hold",
    unit: "s", unitSymbol: " s", ucum: "s",
    sides: "bilateral", min: 0, max: 60, step: 1,
    normal: { low: 30, text: "30 s or more", citation: "Hardcastle & Nade 1985" },
    direction: "higher_better", chainGroup: "hip_pelvis", formSection: "hip_pelvis",
  }),
  pelvic_drop_deg: def({
    code: "pelvic_drop_deg",
    label: "Contralateral pelvic drop in single-leg stance or 2-D gait video (stance side)",
    shortLabel: "Pelvic drop",
    unit: "deg", unitSymbol: "°", ucum: "deg",
    sides: "bilateral", min: 0, max: 25, step: 0.5,
    mdc: 3,
    normal: { text: "no validated cut-off" },
    direction: "lower_better", chainGroup: "hip_pelvis", formSection: "hip_pelvis",
    note: "2-D error 2.7-2.8° (Dingenen 2018)",
  }),
  thomas_hip_deg: def({
    code: "thomas_hip_deg",
    label: "Modified Thomas test, thigh angle to horizontal (positive = above horizontal)",
    shortLabel: "Thomas test, hip angle",
    unit: "deg", unitSymbol: "°", ucum: "deg",
    sides: "bilateral", min: -40, max: 40, step: 1,
    normal: { high: 0, text: "0° or below (thigh at or below horizontal)" },
    direction: "lower_better", chainGroup: "hip_pelvis", formSection: "hip_pelvis",
    note: "no published MDC; poor reliability (Wakefield 2015)",
  }),
  thomas_knee_deg: def({
    code: "thomas_knee_deg",
    label: "Modified Thomas test, knee flexion angle",
    shortLabel: "Thomas test, knee angle",
    unit: "deg", unitSymbol: "°", ucum: "deg",
    sides: "bilateral", min: 0, max: 140, step: 1,
    mdc: 19,
    normal: { low: 67, text: "67° or more (unverified)" },
    note: "MDC from an SEM of 7° (Peeler & Anderson 2008)",
    direction: "higher_better", chainGroup: "hip_pelvis", formSection: "hip_pelvis",
  }),
  leg_length_diff_mm: def({
    code: "leg_length_diff_mm",
    label: "Leg length discrepancy (tape or blocks), recorded on the shorter side",
    shortLabel: "Leg length difference",
    unit: "mm", unitSymbol: " mm", ucum: "mm",
    sides: "bilateral", min: 0, max: 100, step: 1,
    mdc: 5,
    normal: { high: 20, text: "under 20 mm is clinically unimportant", citation: "Knutson 2005" },
    direction: "lower_better", chainGroup: "hip_pelvis", formSection: "leg_length",
    note: "MDC is a heuristic",
  }),
  pain_heel_nprs: def({
    code: "pain_heel_nprs",
    label: "Heel pain, numeric rating (worst in the last 24 h)",
    shortLabel: "Heel pain",
    unit: "0-10", unitSymbol: "/10", ucum: "{score}",
    sides: "bilateral", min: 0, max: 10, step: 1,
    mdc: 2,
    mcid: { points: 2, improvementPercentOfReference: 30 },
    normal: { high: 0, text: "0 = pain-free" },
    direction: "lower_better", chainGroup: "symptoms_function", formSection: "pain",
  }),
  pain_first_step_nprs: def({
    code: "pain_first_step_nprs",
    label: "Heel pain on the first steps in the morning, numeric rating",
    shortLabel: "First-step heel pain",
    unit: "0-10", unitSymbol: "/10", ucum: "{score}",
    sides: "bilateral", min: 0, max: 10, step: 1,
    mdc: 2,
    mcid: { points: 2, improvementPercentOfReference: 30 },
    normal: { high: 0, text: "0 = pain-free" },
    direction: "lower_better", chainGroup: "symptoms_function", formSection: "pain",
  }),
  pain_hip_nprs: def({
    code: "pain_hip_nprs",
    label: "Hip pain, numeric rating",
    shortLabel: "Hip pain",
    unit: "0-10", unitSymbol: "/10", ucum: "{score}",
    sides: "bilateral", min: 0, max: 10, step: 1,
    mdc: 2,
    mcid: { points: 2, improvementPercentOfReference: 30 },
    normal: { high: 0, text: "0 = pain-free" },
    direction: "lower_better", chainGroup: "symptoms_function", formSection: "pain",
  }),
  pain_back_nprs: def({
    code: "pain_back_nprs",
    label: "Low-back pain, numeric rating",
    shortLabel: "Low-back pain",
    unit: "0-10", unitSymbol: "/10", ucum: "{score}",
    sides: "none", min: 0, max: 10, step: 1,
    mdc: 2,
    mcid: { points: 2, improvementPercentOfReference: 30 },
    normal: { high: 0, text: "0 = pain-free" },
    direction: "lower_better", chainGroup: "symptoms_function", formSection: "pain",
  }),
  odi_percent: def({
    code: "odi_percent",
    label: "Oswestry Disability Index",
    shortLabel: "Oswestry (ODI)",
    unit: "%", unitSymbol: " %", ucum: "%",
    sides: "none", min: 0, max: 100, step: 1,
    mdc: 10,
    mcid: { points: 10 },
    normal: {
      high: 20,
      text: "0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound",
      citation: "Fairbank & Pynsent 2000",
    },
    direction: "lower_better", chainGroup: "symptoms_function", formSection: "function_scores",
  }),
  lefs_score: def({
    code: "lefs_score",
    label: "Lower Extremity Functional Scale",
    shortLabel: "LEFS",
    unit: "0-80", unitSymbol: "/80", ucum: "{score}",
    sides: "none", min: 0, max: 80, step: 1,
    mdc: 9,
    mcid: { points: 9 },
    normal: { text: "healthy median about 77", citation: "Binkley 1999" },
    direction: "higher_better", chainGroup: "symptoms_function", formSection: "function_scores",
  }),
  faam_adl_percent: def({
    code: "faam_adl_percent",
    label: "Foot and Ankle Ability Measure, ADL subscale",
    shortLabel: "FAAM-ADL",
    unit: "%", unitSymbol: " %", ucum: "%",
    sides: "none", min: 0, max: 100, step: 0.1,
    mdc: 5.7,
    mcid: { points: 8 },
    direction: "higher_better", chainGroup: "symptoms_function", formSection: "function_scores",
  }),
  faam_sports_percent: def({
    code: "faam_sports_percent",
    label: "Foot and Ankle Ability Measure, Sports subscale",
    shortLabel: "FAAM-Sports",
    unit: "%", unitSymbol: " %", ucum: "%",
    sides: "none", min: 0, max: 100, step: 0.1,
    mdc: 12.3,
    mcid: { points: 9 },
    direction: "higher_better", chainGroup: "symptoms_function", formSection: "function_scores",
  }),
  psfs_mean: def({
    code: "psfs_mean",
    label: "Patient-Specific Functional Scale, mean of 3-5 activities",
    shortLabel: "PSFS",
    unit: "0-10", unitSymbol: "/10", ucum: "{score}",
    sides: "none", min: 0, max: 10, step: 0.1,
    mcid: { points: 2 },
    normal: { low: 10, text: "10 = able as before the problem" },
    direction: "higher_better", chainGroup: "symptoms_function", formSection: "function_scores",
    note: "MCID 2 (Abbott & Schmitt 2014: 1.3-2.7); no measurement error given",
  }),
  gait_speed_mps: def({
    code: "gait_speed_mps",
    label: "Comfortable gait speed",
    shortLabel: "Gait speed",
    unit: "m/s", unitSymbol: " m/s", ucum: "m/s",
    sides: "none", min: 0, max: 3, step: 0.01,
    mcid: { points: 0.1 },
    normal: { low: 1.2, high: 1.4, text: "about 1.2-1.4 m/s in adults under 60", citation: "Bohannon & Andrews 2011" },
    direction: "higher_better", chainGroup: "symptoms_function", formSection: "gait",
    note: "no measurement error given; 0.05 m/s is a small meaningful change, not an error",
  }),
  cadence_spm: def({
    code: "cadence_spm",
    label: "Cadence",
    shortLabel: "Cadence",
    unit: "steps/min", unitSymbol: " steps/min", ucum: "/min",
    sides: "none", min: 0, max: 250, step: 1,
    normal: { low: 100, high: 120, text: "100-120 steps/min" },
    direction: "none", chainGroup: "symptoms_function", formSection: "gait",
  }),
  body_mass_kg: def({
    code: "body_mass_kg",
    label: "Body mass on the day",
    shortLabel: "Body mass",
    unit: "kg", unitSymbol: " kg", ucum: "kg",
    sides: "none", min: 2, max: 400, step: 0.1,
    direction: "none", chainGroup: "foot_ankle", formSection: "body_mass",
  }),
  trendelenburg_pelvis_dropped: def({
    code: "trendelenburg_pelvis_dropped",
    label: "Single-leg stance: the pelvis dropped (yes) or the hold ended for pain or balance (no)",
    shortLabel: "Pelvis dropped in stance",
    unit: "yes/no", unitSymbol: "", ucum: "{boolean}",
    sides: "bilateral", min: 0, max: 1, step: 1,
    direction: "none", chainGroup: "hip_pelvis", formSection: "hip_pelvis",
    note: "1 = the pelvis dropped, 0 = the hold ended for pain or balance",
  }),
  knee_fppa_deg: def({
    code: "knee_fppa_deg",
    label: "Knee frontal-plane projection angle, single-leg squat, 2-D video (positive = valgus)",
    shortLabel: "Knee FPPA (squat)",
    unit: "deg", unitSymbol: "°", ucum: "deg",
    sides: "bilateral", min: -30, max: 60, step: 0.5,
    mdc: 8,
    normal: { text: "no validated cut-off: charted, not flagged" },
    direction: "none", chainGroup: "hip_pelvis", formSection: "hip_pelvis",
    note: "MDC from an SEM of 2-4° (Gwynne & Curran 2014)",
  }),
  waist_cm: def({
    code: "waist_cm",
    label: "Waist girth",
    shortLabel: "Waist",
    unit: "cm", unitSymbol: " cm", ucum: "cm",
    sides: "none", min: 40, max: 250, step: 0.5,
    normal: { text: "associated with chronic heel pain (JOSPT 2021); no cut-off" },
    direction: "none", chainGroup: "foot_ankle", formSection: "body_mass",
  }),
  work_on_feet_h: def({
    code: "work_on_feet_h",
    label: "Hours on the feet in a usual workday",
    shortLabel: "Hours on feet at work",
    unit: "h", unitSymbol: " h", ucum: "h",
    sides: "none", min: 0, max: 16, step: 0.5,
    normal: { text: "weight-bearing for most of the workday: OR 3.6 for plantar fasciitis", citation: "Riddle 2003" },
    direction: "none", chainGroup: "foot_ankle", formSection: "load",
  }),
  activity_km_week: def({
    code: "activity_km_week",
    label: "Walking and running distance in a usual week",
    shortLabel: "Weekly walking and running",
    unit: "km", unitSymbol: " km", ucum: "km",
    sides: "none", min: 0, max: 400, step: 1,
    direction: "none", chainGroup: "foot_ankle", formSection: "load",
  }),
};

export const RED_FLAG_CODES = [
  "rf_cauda_equina",
  "rf_unexplained_weight_loss",
  "rf_night_pain",
  "rf_fever",
  "rf_trauma",
  "rf_cancer_history",
  "rf_progressive_neuro_deficit",
  "rf_heel_neuro_symptoms",
  "rf_inflammatory_signs",
  "rf_calcaneal_fracture_suspected",
  "rf_fascia_rupture_suspected",
] as const;

export type RedFlagCode = (typeof RED_FLAG_CODES)[number];

/**
 * Red-flag tiers (rules.md v2, "Red flags"). An item's own tier; a history of cancer together
 * with night pain or unexplained weight loss is urgent (the engine applies that combination).
 */
export type RedFlagTier = "emergency" | "urgent" | "review";

export interface RedFlagDefinition {
  code: RedFlagCode;
  label: string;
  tier: RedFlagTier;
  /** A heel item: its flag names the heel region as well as hip and back. */
  heel?: boolean;
  /** What the box covers, for the form's help text. */
  detail?: string;
}

export const RED_FLAGS: readonly RedFlagDefinition[] = [
  {
    code: "rf_cauda_equina", tier: "emergency",
    label: "Possible cauda equina syndrome",
    detail: "new bladder or bowel disturbance, saddle numbness, or neurological deficit in both legs",
  },
  { code: "rf_unexplained_weight_loss", tier: "urgent", label: "Unexplained weight loss" },
  { code: "rf_night_pain", tier: "review", label: "Night pain" },
  { code: "rf_fever", tier: "urgent", label: "Fever" },
  { code: "rf_trauma", tier: "urgent", label: "Trauma" },
  { code: "rf_cancer_history", tier: "review", label: "History of cancer" },
  { code: "rf_progressive_neuro_deficit", tier: "emergency", label: "Progressive neurological deficit" },
  {
    code: "rf_heel_neuro_symptoms", tier: "review", heel: true,
    label: "Neurological heel symptoms (burning, tingling, numbness)",
    detail: "consider tarsal tunnel syndrome, Baxter's nerve entrapment or S1 radiculopathy",
  },
  {
    code: "rf_inflammatory_signs", tier: "review",
    label: "Inflammatory signs (morning stiffness over 1 h, other joints swollen)",
    detail: "consider a spondyloarthropathy",
  },
  {
    code: "rf_calcaneal_fracture_suspected", tier: "urgent", heel: true,
    label: "Suspected calcaneal stress fracture",
    detail: "positive calcaneal squeeze test, sudden onset with load",
  },
  {
    code: "rf_fascia_rupture_suspected", tier: "urgent", heel: true,
    label: "Suspected plantar fascia rupture",
    detail: "sudden pop or bruising, often after an injection",
  },
];

export const RED_FLAG_LABELS: Record<RedFlagCode, string> = Object.fromEntries(
  RED_FLAGS.map((f) => [f.code, f.label]),
) as Record<RedFlagCode, string>;

export function isMeasureCode(code: string): code is MeasureCode {
  return Object.prototype.hasOwnProperty.call(MEASURES, code);
}

/** Sides a value of this code may carry. */
export function allowedSides(code: MeasureCode): readonly Side[] {
  return MEASURES[code].sides === "bilateral" ? ["left", "right"] : ["none"];
}

/** Number of decimals a value of this code is recorded with (from its step). */
export function stepDecimals(code: MeasureCode): number {
  const step = MEASURES[code].step;
  const text = String(step);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
