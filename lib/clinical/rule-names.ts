// Plain names of the flag rules for text a person reads (a rule id is never shown; ids stay in
// the JSON). Typed by RuleId, so a rule added to the engine without a name here fails the build.
import type { RuleId } from "@/lib/clinical/types";

export const RULE_NAMES: Record<RuleId, string> = {
  DF_NWB_SEVERE: "Severely limited ankle dorsiflexion (0° or less)",
  DF_NWB_LIMITED: "Limited ankle dorsiflexion (above 0° and up to 10°)",
  DF_WBLT_LOW: "Short lunge-test distance",
  DF_WBLT_ASYM: "Lunge-test side difference",
  CALF_GASTROC: "Calf (gastrocnemius) tightness",
  FPI_PRONATED: "Pronated foot posture",
  NAVICULAR_DROP: "Large navicular drop",
  HIP_ABD_ASYM_HIGH: "Large hip-abductor strength side difference",
  HIP_ABD_ASYM: "Hip-abductor strength side difference",
  TRENDELENBURG: "Single-leg stance (Trendelenburg) test",
  PELVIC_DROP_RISING: "Pelvic drop increasing",
  HIP_FLEXOR_TIGHT: "Hip flexor tightness (Thomas test)",
  LEG_LENGTH: "Leg length difference",
  HIP_PAIN: "Hip pain",
  HIP_PAIN_RISING: "Hip pain rising",
  BACK_PAIN: "Low-back pain",
  BACK_PAIN_RISING: "Low-back pain rising",
  ODI_MODERATE: "Oswestry disability moderate or worse",
  ODI_RISING: "Oswestry disability rising",
  FUNCTION_DECLINE: "Lower-limb function declining (LEFS, gait speed)",
  HEEL_FUNCTION_DECLINE: "Foot and ankle function declining (FAAM)",
  HEEL_PAIN_RISING: "Heel pain rising",
  BMI_HIGH: "Body mass index 30 or more",
  RED_FLAG: "Red-flag screen (emergency or urgent items)",
  RED_FLAG_REVIEW: "Red-flag screen (items for review)",
};

/** What the app says for each red-flag tier (rules.md v2, "Red flags"). */
export const RED_FLAG_ADVICE = {
  emergency: "Emergency: same-day emergency assessment; stop routine care.",
  urgent: "Urgent: medical assessment within days.",
  review: "For review: reason it through; refer if it persists or other findings join it.",
} as const;
