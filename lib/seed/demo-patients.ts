// The demo patients as data: one compact trajectory per patient, from which generate.ts builds the
// visits deterministically. Each patient tells one clinical story and names the rules its latest
// data must fire (checked against the flag engine by demo-patients.test.ts), so a change to a
// number here that breaks a story fails a test instead of silently weakening the demo.
//
// Trajectory notation (see generate.ts):
// - Keys: a constant, or keyframes spread evenly over the visits and interpolated between them.
//   A keyframe list as long as the visit count gives exact per-visit values (used for pain, where
//   the wobble is the story). Baseline and latest values are always exactly the first and last
//   keyframe; only interior visits get a little seeded jitter, so the rules stay predictable.
// - A / U: affected / unaffected side, resolved from diagnosisSide ("both": A on both sides);
//   L / R override per side; N is the side "none" value of whole-body measures.
// - every: recorded at every n-th visit (always also at the latest); at: only these visit indexes
//   (negative counts from the end).

import type { MeasureCode, RedFlagCode } from "../clinical/measures";
import type { Region, RuleId } from "../clinical/types";

export type Keys = number | readonly number[];

export interface TrackSpec {
  A?: Keys;
  U?: Keys;
  L?: Keys;
  R?: Keys;
  N?: Keys;
  every?: number;
  at?: readonly number[];
  method?: string;
  /** From this visit index on, the measure was taken with another method (charts must mark it). */
  methodFrom?: readonly [visit: number, method: string];
}

export type Tracks = Partial<Record<MeasureCode, TrackSpec>>;

export interface PatientSpec {
  given: string;
  family: string;
  sex: "female" | "male" | "other" | "unknown";
  birthDate: string;
  heightCm: number;
  mrn?: string;
  diagnosisSide: "left" | "right" | "both";
  /** Number of assessments, days from first to latest, and days from the latest to `now`. */
  visits: number;
  spanDays: number;
  lastDaysAgo: number;
  story: string;
  /** Rule ids that fire on the latest data, exactly (the test checks equality). */
  fires: RuleId[];
  noFlags?: boolean;
  redFlag?: boolean;
  /** Regions whose level rises by chain escalation. */
  escalates?: Region[];
  /** Rules skipped because their only value is older than 180 days before the latest visit. */
  stale?: RuleId[];
  /** Merged over DEFAULT_TRACKS, code by code (a patient's fields win). */
  tracks: Tracks;
  /** Measures this patient never had taken (the rules that need them show as not evaluated). */
  omit?: readonly MeasureCode[];
  redFlags?: Record<number, RedFlagCode[]>;
  notes?: Record<number, string>;
  /** Visits rated by the clinic admin instead of the clinician. */
  adminRated?: readonly number[];
}

// The clinic's standard battery, comfortably inside normal, with the affected side a little worse.
// A patient spec overrides only what its story changes.
export const DEFAULT_TRACKS: Tracks = {
  ankle_df_nwb_ext_deg: { A: [12, 14], U: 16, method: "goniometer" },
  ankle_df_nwb_flex_deg: { A: [22, 24], U: 26, method: "goniometer" },
  ankle_df_wblt_cm: { A: [10.4, 11.2], U: 11.8 },
  ankle_df_wblt_deg: { A: [36, 39], U: 41, every: 2, method: "bubble inclinometer" },
  fpi6_total: { A: 4, U: 3, every: 2 },
  navicular_drop_mm: { A: 7, U: 6, every: 2, method: "index card" },
  hip_abd_hhd_n: { A: 228, U: 236, method: "side-lying HHD, best of 3" },
  trendelenburg_hold_s: { A: 40, U: 44 },
  pelvic_drop_deg: { A: 3.5, U: 3, every: 2, method: "2-D video, 240 fps" },
  thomas_hip_deg: { A: -5, U: -7, every: 2 },
  thomas_knee_deg: { A: 70, U: 72, every: 2 },
  leg_length_diff_mm: { A: 4, every: 3, method: "tape, ASIS to medial malleolus" },
  pain_heel_nprs: { A: [5, 3], U: 0 },
  pain_first_step_nprs: { A: [6, 3], U: 0 },
  pain_hip_nprs: { A: 0, U: 0 },
  pain_back_nprs: { N: 1 },
  odi_percent: { N: [8, 6], every: 2 },
  lefs_score: { N: [58, 66] },
  faam_adl_percent: { N: [70, 81.5] },
  faam_sports_percent: { N: [52, 68], every: 2 },
  gait_speed_mps: { N: [1.15, 1.22], method: "10 m walk test" },
  cadence_spm: { N: [108, 112] },
  body_mass_kg: { N: 72 },
};

export const DEMO_CLINIC_PATIENTS: PatientSpec[] = [
  { given: "Maria", family: "Keller", sex: "female", birthDate: "1978-05-14", heightCm: 165, mrn: "SDC-1001",
    diagnosisSide: "right", visits: 7, spanDays: 170, lastDaysAgo: 6,
    story: "improving with calf stretching; residual large arch drop (16 mm) and a tight hip flexor, no back symptom (no escalation)",
    fires: ["NAVICULAR_DROP", "HIP_FLEXOR_TIGHT"],
    tracks: {
      pain_heel_nprs: { A: [7, 6, 5, 4, 3, 3, 2] },
      ankle_df_nwb_ext_deg: { A: [6, 9, 11.5] }, ankle_df_nwb_flex_deg: { A: [16, 22] },
      ankle_df_wblt_cm: { A: [8.2, 10.6], U: 11.9 },
      navicular_drop_mm: { A: 16, U: 9 }, thomas_hip_deg: { A: 3, U: -2 },
      lefs_score: { N: [54, 70] }, faam_adl_percent: { N: [62.5, 86] }, gait_speed_mps: { N: [1.08, 1.24] },
      body_mass_kg: { N: 72 },
    },
    notes: { 0: "Classic first-step heel pain for 4 months. Started calf stretching and load management.",
      [-1]: "Heel much better; arch still drops on loading. Continue hip flexor stretches." } },
  { given: "Daniel", family: "Okafor", sex: "male", birthDate: "1971-09-02", heightCm: 178, mrn: "SDC-1002",
    diagnosisSide: "left", visits: 6, spanDays: 150, lastDaysAgo: 3,
    story: "worsening: left ankle stiffening (gastrocnemius pattern), lunge asymmetry > 3 cm, weight up to BMI 30.7, heel pain up 2 points at two visits running",
    fires: ["DF_NWB_SEVERE", "CALF_GASTROC", "DF_WBLT_LOW", "DF_WBLT_ASYM", "BMI_HIGH", "HEEL_PAIN_RISING"],
    tracks: {
      pain_heel_nprs: { A: [5, 5, 6, 6, 7, 7] },
      ankle_df_nwb_ext_deg: { A: [3, 1, -1], U: [12, 11] }, ankle_df_nwb_flex_deg: { A: [12, 13], U: [22, 21] },
      ankle_df_wblt_cm: { A: [8, 6.4], U: [10.5, 10.1] }, ankle_df_wblt_deg: { A: [30, 25], U: [38, 37] },
      lefs_score: { N: [60, 56] }, faam_adl_percent: { N: [72, 67.5] }, gait_speed_mps: { N: [1.2, 1.14] },
      body_mass_kg: { N: [93.5, 97.2] }, waist_cm: { N: [101, 104.5], every: 2 },
      work_on_feet_h: { N: [3, 2], every: 3 }, activity_km_week: { N: [20, 8] },
    },
    notes: { 2: "Night splint not tolerated. Weight up since changing to a desk job." }, adminRated: [1] },
  { given: "Priya", family: "Raman", sex: "female", birthDate: "1964-11-23", heightCm: 160, mrn: "SDC-1003",
    diagnosisSide: "right", visits: 5, spanDays: 120, lastDaysAgo: 2,
    story: "heel pain now worse at night with unexplained weight loss: an urgent-tier red flag on the latest visit (refer, urgent)",
    fires: ["RED_FLAG", "DF_NWB_LIMITED"], redFlag: true,
    tracks: {
      pain_heel_nprs: { A: [6, 5, 5, 6, 8] },
      ankle_df_nwb_ext_deg: { A: [7, 8.5], U: 14 }, ankle_df_nwb_flex_deg: { A: [17, 19], U: 24 },
      ankle_df_wblt_cm: { A: [9.6, 10], U: 11.2 },
      lefs_score: { N: [55, 52] }, faam_adl_percent: { N: [68, 64] }, gait_speed_mps: { N: [1.1, 1.06] },
      body_mass_kg: { N: [66, 65.5, 65, 63.4, 61.8] },
    },
    redFlags: { [-1]: ["rf_night_pain", "rf_unexplained_weight_loss"] },
    notes: { [-1]: "Pain now wakes her at night; about 4 kg lost without trying. Referred to GP today for bloods and imaging." } },
  { given: "Tom", family: "Whitfield", sex: "male", birthDate: "1987-02-17", heightCm: 182, mrn: "SDC-1004",
    diagnosisSide: "left", visits: 5, spanDays: 112, lastDaysAgo: 10,
    story: "recreational runner recovering well; full battery recorded, every value comfortably normal: no flag at all; low-back pain 1 → 2 is within the 2-point error of a pain rating",
    fires: [], noFlags: true,
    tracks: {
      pain_heel_nprs: { A: [5, 4, 3, 1, 1] },
      ankle_df_nwb_ext_deg: { A: [13, 15], U: 17 }, ankle_df_nwb_flex_deg: { A: [24, 26], U: 28 },
      ankle_df_wblt_cm: { A: [11, 11.8], U: 12.4 }, fpi6_total: { A: 3, U: 2 }, navicular_drop_mm: { A: 6, U: 5.5 },
      hip_abd_hhd_n: { A: [262, 270], U: 276 }, trendelenburg_hold_s: { A: 45, U: 50 },
      pelvic_drop_deg: { A: [3.5, 3], U: 3 }, thomas_hip_deg: { A: -8, U: -9 }, thomas_knee_deg: { A: 74, U: 75 },
      leg_length_diff_mm: { A: 5 }, pain_back_nprs: { N: [1, 1, 0, 1, 2] }, odi_percent: { N: [4, 2] },
      lefs_score: { N: [66, 76] }, faam_adl_percent: { N: [78.5, 94] }, gait_speed_mps: { N: [1.32, 1.38] },
      cadence_spm: { N: [112, 116] }, body_mass_kg: { N: 76.5 }, faam_sports_percent: { N: [60, 88] },
      psfs_mean: { N: [5.3, 8.7] }, knee_fppa_deg: { A: [9, 7], U: 6 }, waist_cm: { N: 84 },
      work_on_feet_h: { N: 4 }, activity_km_week: { N: [10, 22] },
    },
    notes: { 3: "Low-back ache 1/10 after a long drive; settled.",
      [-1]: "Back to 5 km runs without heel pain. Low-back 2/10 after gardening (within measurement error). Discharge plan discussed." } },
  { given: "Sofia", family: "Lindqvist", sex: "female", birthDate: "1981-07-30", heightCm: 170, mrn: "SDC-1005",
    diagnosisSide: "both", visits: 8, spanDays: 175, lastDaysAgo: 12,
    story: "plateau: bilateral heel pain unchanged for months (±1 point: within measurement error); pronated feet (FPI +6, +7)",
    fires: ["FPI_PRONATED"],
    tracks: {
      pain_heel_nprs: { L: [6, 5, 5, 4, 5, 4, 5, 5], R: [5, 4, 4, 4, 4, 4, 4, 4] },
      ankle_df_nwb_ext_deg: { L: 13, R: 14 }, ankle_df_nwb_flex_deg: { L: 23, R: 24 },
      ankle_df_wblt_cm: { L: 10.6, R: 11 }, fpi6_total: { L: 7, R: 6, every: 1 }, navicular_drop_mm: { L: 11, R: 10.5 },
      lefs_score: { N: [58, 61, 60, 61] }, faam_adl_percent: { N: [72, 74.5] }, gait_speed_mps: { N: [1.17, 1.19] },
      body_mass_kg: { N: 70 },
    },
    notes: { 2: "Started a trial of prefabricated orthotics.", [-1]: "No change over the last 3 visits: discussed shockwave therapy." } },
  { given: "Jamal", family: "Haddad", sex: "male", birthDate: "1989-04-08", heightCm: 175, mrn: "SDC-1006",
    diagnosisSide: "right", visits: 6, spanDays: 160, lastDaysAgo: 4,
    story: "highly pronated right foot; single-leg stance failing with the pelvis dropping, right hip pain rising at two visits running (hip escalates moderate to high)",
    fires: ["FPI_PRONATED", "TRENDELENBURG", "HIP_PAIN", "HIP_PAIN_RISING"], escalates: ["hip"],
    tracks: {
      pain_heel_nprs: { A: [6, 5, 5, 5, 4, 4] }, fpi6_total: { A: 10, U: 7 }, navicular_drop_mm: { A: 9.5, U: 8 },
      trendelenburg_hold_s: { A: [34, 28, 22], U: 40 }, trendelenburg_pelvis_dropped: { A: 1, at: [-2, -1] },
      pain_hip_nprs: { A: [1, 1, 2, 3, 3, 3] },
      hip_abd_hhd_n: { A: [232, 222], U: 238 }, pelvic_drop_deg: { A: [3.5, 5], U: 3 },
      lefs_score: { N: [64, 60] }, faam_adl_percent: { N: [80, 76] }, gait_speed_mps: { N: [1.28, 1.22] },
      body_mass_kg: { N: 80 },
    },
    notes: { 3: "New lateral right hip ache after long shifts standing." } },
  { given: "Grace", family: "Oduya", sex: "female", birthDate: "1967-12-03", heightCm: 168, mrn: "SDC-1007",
    diagnosisSide: "left", visits: 7, spanDays: 175, lastDaysAgo: 8,
    story: "weak left hip abductors (> 32.5 % weaker at the last two visits), pelvic drop up 3.5°, left hip pain 3/10; stance stop reason not recorded (hip escalates moderate to high)",
    fires: ["HIP_ABD_ASYM_HIGH", "TRENDELENBURG", "PELVIC_DROP_RISING", "HIP_PAIN"], escalates: ["hip"],
    tracks: {
      pain_heel_nprs: { A: [7, 6, 6, 5, 5, 4, 4] },
      hip_abd_hhd_n: { A: [150, 142], U: [228, 232] }, trendelenburg_hold_s: { A: [24, 18], U: 38 },
      pelvic_drop_deg: { A: [4, 7.5], U: 3, every: 1 }, pain_hip_nprs: { A: [2, 2, 3, 3, 3, 3, 3] },
      lefs_score: { N: [56, 60] }, faam_adl_percent: { N: [66, 72.5] }, gait_speed_mps: { N: [1.05, 1.08] },
      body_mass_kg: { N: 74 },
    },
    adminRated: [2, 4] },
  { given: "Liam", family: "Brennan", sex: "male", birthDate: "1995-06-21", heightCm: 185, mrn: "SDC-1008",
    diagnosisSide: "right", visits: 6, spanDays: 150, lastDaysAgo: 5,
    story: "plateau; persistent right hip abductor asymmetry (about 25 %), tight hip flexors, low-back pain 2-3/10 at the last two visits (back escalates low to moderate)",
    fires: ["HIP_ABD_ASYM", "HIP_FLEXOR_TIGHT", "BACK_PAIN"], escalates: ["back"],
    tracks: {
      pain_heel_nprs: { A: [5, 4, 4, 4, 4, 4] },
      hip_abd_hhd_n: { A: [180, 185], U: [244, 246] }, thomas_hip_deg: { A: [6, 5], U: 3, every: 1 },
      pain_back_nprs: { N: [2, 3, 2, 2, 3, 2] }, odi_percent: { N: [14, 16] },
      body_mass_kg: { N: 82 },
    },
    notes: { 0: "Software developer, sits 9 h a day; runs 3 times a week." } },
  { given: "Helen", family: "Zhou", sex: "female", birthDate: "1958-01-19", heightCm: 158, mrn: "SDC-1009",
    diagnosisSide: "left", visits: 5, spanDays: 140, lastDaysAgo: 15,
    story: "left leg 22 mm shorter and low-back pain 3/10 (back escalates moderate to high); lunge side difference 2.2 cm, under the 3 cm threshold",
    fires: ["LEG_LENGTH", "BACK_PAIN"], escalates: ["back"],
    tracks: {
      pain_heel_nprs: { A: [6, 5, 5, 4, 4] }, leg_length_diff_mm: { A: 22, every: 2 },
      ankle_df_wblt_cm: { A: [9.2, 9.6], U: [11.6, 11.8] },
      pain_back_nprs: { N: [3, 3, 4, 3, 3] }, odi_percent: { N: [18, 20] },
      lefs_score: { N: [50, 54] }, faam_adl_percent: { N: [60, 66] }, gait_speed_mps: { N: [0.98, 1.02] },
      body_mass_kg: { N: 60.5 },
    },
    notes: { 2: "Heel raise 10 mm fitted in the left shoe." } },
  { given: "Robert", family: "Nakamura", sex: "male", birthDate: "1967-03-11", heightCm: 172, mrn: "SDC-1010",
    diagnosisSide: "left", visits: 7, spanDays: 170, lastDaysAgo: 1,
    story: "worsening: back pain rising at two visits running (now 6/10), disability and function falling; no pelvis finding, so no escalation",
    fires: ["DF_NWB_LIMITED", "BACK_PAIN", "BACK_PAIN_RISING", "ODI_MODERATE", "ODI_RISING", "FUNCTION_DECLINE"],
    tracks: {
      pain_heel_nprs: { A: [6, 6, 5, 5, 5, 6, 6] },
      ankle_df_nwb_ext_deg: { A: [8, 6], U: 13 }, ankle_df_nwb_flex_deg: { A: [17, 15], U: 23 },
      pain_back_nprs: { N: [1, 1, 2, 2, 3, 4, 6] }, odi_percent: { N: [12, 28] },
      lefs_score: { N: [62, 51] }, faam_adl_percent: { N: [74, 68] }, gait_speed_mps: { N: [1.18, 1.04] },
      body_mass_kg: { N: 84 },
    },
    notes: { 4: "Reports low-back ache after walking; limping to offload the left heel.",
      [-1]: "Back pain now limits walking to 20 minutes. Consider lumbar screen." } },
  { given: "Aisha", family: "Mensah", sex: "female", birthDate: "1985-10-05", heightCm: 163, mrn: "SDC-1011",
    diagnosisSide: "both", visits: 8, spanDays: 196, lastDaysAgo: 9,
    story: "improving with orthotics and 7 kg weight loss; BMI still just over 30, left foot pronated",
    fires: ["BMI_HIGH", "FPI_PRONATED"],
    tracks: {
      pain_heel_nprs: { L: [8, 7, 7, 6, 5, 4, 4, 3], R: [7, 7, 6, 5, 4, 4, 3, 3] },
      ankle_df_nwb_ext_deg: { L: [9, 12], R: [10, 13] }, ankle_df_nwb_flex_deg: { L: [19, 22], R: [20, 23] },
      ankle_df_wblt_cm: { L: [9, 10.8], R: [9.4, 11.2] }, fpi6_total: { L: 6, R: 5 }, navicular_drop_mm: { L: 9, R: 8.5 },
      lefs_score: { N: [48, 66] }, faam_adl_percent: { N: [58, 80.5] }, gait_speed_mps: { N: [1.02, 1.16] },
      body_mass_kg: { N: [88.4, 81] },
    },
    adminRated: [3] },
  { given: "Carlos", family: "Rivera", sex: "male", birthDate: "1980-08-27", heightCm: 176, mrn: "SDC-1012",
    diagnosisSide: "right", visits: 6, spanDays: 150, lastDaysAgo: 20,
    story: "improving; dorsiflexion still limited; measuring device changed to an inclinometer app at visit 4",
    fires: ["DF_NWB_LIMITED"],
    tracks: {
      pain_heel_nprs: { A: [6, 5, 4, 3, 2, 1] },
      ankle_df_nwb_ext_deg: { A: [5, 9.5], U: 14, method: "goniometer", methodFrom: [3, "iPhone inclinometer"] },
      ankle_df_nwb_flex_deg: { A: [15, 20], U: 24 }, ankle_df_wblt_cm: { A: [7.6, 10], U: 11 },
      lefs_score: { N: [57, 71] }, faam_adl_percent: { N: [68, 88] }, gait_speed_mps: { N: [1.16, 1.26] },
      body_mass_kg: { N: 79 },
    },
    notes: { 3: "Dorsiflexion now measured with the inclinometer app (goniometer before)." } },
  { given: "Eleanor", family: "Price", sex: "female", birthDate: "1953-04-16", heightCm: 157, mrn: "SDC-1013",
    diagnosisSide: "left", visits: 5, spanDays: 130, lastDaysAgo: 7,
    story: "plateau in an older patient: limited dorsiflexion; single-leg stance short, but ended for balance with a level pelvis (no stance flag)",
    fires: ["DF_NWB_LIMITED"],
    tracks: {
      pain_heel_nprs: { A: [5, 4, 4, 4, 4] },
      ankle_df_nwb_ext_deg: { A: 8, U: 12 }, ankle_df_nwb_flex_deg: { A: 16, U: 20 },
      ankle_df_wblt_cm: { A: 9.4, U: 10.2 }, hip_abd_hhd_n: { A: 168, U: 176 },
      trendelenburg_hold_s: { A: [22, 21], U: 32 }, trendelenburg_pelvis_dropped: { A: 0, every: 1 },
      pain_hip_nprs: { A: 1, U: 0 }, odi_percent: { N: 10 },
      lefs_score: { N: [46, 47] }, faam_adl_percent: { N: [58, 59.5] }, gait_speed_mps: { N: [0.92, 0.93] },
      cadence_spm: { N: 102 }, body_mass_kg: { N: 63.5 },
    },
    notes: { 0: "Single-leg stance on the left ends with a balance step; the pelvis stays level." } },
  { given: "Ben", family: "Carter", sex: "male", birthDate: "1992-01-09", heightCm: 180, mrn: "SDC-1014",
    diagnosisSide: "right", visits: 9, spanDays: 260, lastDaysAgo: 11,
    story: "heel settled, then right hip pain 2/10 at the last visits after return to running; FAAM-ADL fell 9.5 since it was first recorded; navicular drop only at intake (stale)",
    fires: ["HIP_PAIN", "HEEL_FUNCTION_DECLINE"], stale: ["NAVICULAR_DROP"],
    tracks: {
      pain_heel_nprs: { A: [6, 5, 4, 3, 3, 2, 2, 2, 2] }, pain_hip_nprs: { A: [1, 1, 1, 1, 1, 1, 2, 2, 2] },
      navicular_drop_mm: { A: 16, U: 10, at: [0] },
      // FAAM-ADL first recorded at visit 4 (within 180 days of the latest), so its baseline is current.
      lefs_score: { N: [70, 72, 66] }, faam_adl_percent: { N: [0, 0, 0, 86, 86, 85, 82, 78, 76.5], at: [3, 4, 5, 6, 7, 8] },
      faam_sports_percent: { N: [0, 0, 0, 72, 72, 70, 66, 64, 63], at: [3, 5, 7, 8] },
      gait_speed_mps: { N: [1.34, 1.36, 1.28] },
      trendelenburg_hold_s: { A: [42, 34], U: 44 }, hip_abd_hhd_n: { A: [250, 236], U: 252 },
      body_mass_kg: { N: 77 },
    },
    notes: { 5: "Back to running 3 x 5 km. New ache over the right greater trochanter." } },
  { given: "Nadia", family: "Petrova", sex: "female", birthDate: "1975-02-28", heightCm: 166,
    diagnosisSide: "both", visits: 4, spanDays: 100, lastDaysAgo: 30,
    story: "bilateral; ankles stiff under load (lunge < 9 cm both sides); a trauma red flag at visit 2 was cleared (not on the latest)",
    fires: ["DF_WBLT_LOW"],
    omit: ["hip_abd_hhd_n"],
    tracks: {
      pain_heel_nprs: { L: [6, 5, 5, 4], R: [5, 5, 4, 4] },
      ankle_df_wblt_cm: { L: [7.8, 8.4], R: [8, 8.7] },
      ankle_df_nwb_ext_deg: { L: [11, 12], R: [11.5, 12.5] }, ankle_df_nwb_flex_deg: { L: 20, R: 21 },
      body_mass_kg: { N: 67 },
    },
    redFlags: { 1: ["rf_trauma"] },
    notes: { 1: "Twisted ankle stepping off a kerb last week. Ottawa rules negative; X-ray clear per GP.",
      2: "Dynamometer away for calibration: hip strength not measured this block." } },
  { given: "Marcus", family: "Webb", sex: "male", birthDate: "1961-10-30", heightCm: 180, mrn: "SDC-1016",
    diagnosisSide: "right", visits: 4, spanDays: 84, lastDaysAgo: 1,
    story: "low-back pain climbing over three months, now 7/10 with new saddle numbness: an emergency-tier red flag (refer, same day)",
    fires: ["RED_FLAG", "BACK_PAIN", "BACK_PAIN_RISING", "ODI_MODERATE", "ODI_RISING"], redFlag: true,
    tracks: {
      pain_heel_nprs: { A: [5, 4, 4, 4] }, pain_back_nprs: { N: [2, 3, 5, 7] }, odi_percent: { N: [14, 38] },
      lefs_score: { N: [60, 52] }, faam_adl_percent: { N: [74, 72] }, gait_speed_mps: { N: [1.2, 1.12] },
      body_mass_kg: { N: 85 },
    },
    redFlags: { [-1]: ["rf_cauda_equina"] },
    notes: { [-1]: "New saddle numbness and difficulty starting to pass urine since yesterday. Sent to the emergency department today." } },
  { given: "Ingrid", family: "Solberg", sex: "female", birthDate: "1972-03-08", heightCm: 169, mrn: "SDC-1017",
    diagnosisSide: "left", visits: 4, spanDays: 90, lastDaysAgo: 2,
    story: "burning and tingling under the left heel at the latest visit: a review-tier red flag (status high, not refer; suggests a neurological examination); FAAM-Sports down 12 points",
    fires: ["RED_FLAG_REVIEW", "HEEL_FUNCTION_DECLINE"],
    tracks: {
      pain_heel_nprs: { A: [5, 5, 6, 5] }, pain_first_step_nprs: { A: [7, 7, 6, 6] },
      faam_sports_percent: { N: [70, 58] }, psfs_mean: { N: [5, 4.3] },
      body_mass_kg: { N: 66 }, work_on_feet_h: { N: 8 }, activity_km_week: { N: [30, 18] },
    },
    redFlags: { [-1]: ["rf_heel_neuro_symptoms"] },
    notes: { [-1]: "Burning and tingling under the left heel, worse at night; Tinel's sign at the tarsal tunnel equivocal." } },
];

export const NORTHSIDE_PATIENTS: PatientSpec[] = [
  { given: "Oliver", family: "Grant", sex: "male", birthDate: "1983-06-12", heightCm: 183, mrn: "NP-201",
    diagnosisSide: "right", visits: 4, spanDays: 90, lastDaysAgo: 5,
    story: "improving, dorsiflexion still limited", fires: ["DF_NWB_LIMITED"],
    tracks: { pain_heel_nprs: { A: [6, 5, 3, 2] }, ankle_df_nwb_ext_deg: { A: [6, 9] }, body_mass_kg: { N: 81 } } },
  { given: "Chloe", family: "Adams", sex: "female", birthDate: "1990-09-03", heightCm: 171, mrn: "NP-202",
    diagnosisSide: "left", visits: 3, spanDays: 60, lastDaysAgo: 14,
    story: "mild heel pain, normal findings", fires: [], noFlags: true,
    tracks: { pain_heel_nprs: { A: [4, 3, 2] }, body_mass_kg: { N: 63 } } },
  { given: "Samuel", family: "Osei", sex: "male", birthDate: "1962-12-19", heightCm: 174,
    diagnosisSide: "both", visits: 3, spanDays: 70, lastDaysAgo: 3,
    story: "bilateral, BMI over 30 and low-back pain 3/10 (body mass never escalates a region)", fires: ["BMI_HIGH", "BACK_PAIN"],
    omit: ["thomas_hip_deg", "thomas_knee_deg", "leg_length_diff_mm"],
    tracks: { pain_heel_nprs: { L: [5, 5, 4], R: [4, 4, 4] }, pain_back_nprs: { N: 3 }, body_mass_kg: { N: [96, 95.2] } } },
];
