// The rule table of clinical/rules.md (version 2), in its order. evaluate.ts runs every rule here;
// adding a rule means adding it to RULES (and its tests).

import type { Rule } from "./rule-kit";
import {
  CALF_GASTROC,
  DF_NWB_LIMITED,
  DF_NWB_SEVERE,
  DF_WBLT_ASYM,
  DF_WBLT_LOW,
  FPI_PRONATED,
  NAVICULAR_DROP,
} from "./rules-foot";
import { BMI_HIGH, HEEL_FUNCTION_DECLINE, HEEL_PAIN_RISING } from "./rules-heel";
import { HIP_ABD_ASYM, HIP_ABD_ASYM_HIGH } from "./rules-hip-strength";
import {
  HIP_FLEXOR_TIGHT,
  LEG_LENGTH,
  PELVIC_DROP_RISING,
  TRENDELENBURG,
} from "./rules-pelvis";
import { RED_FLAG, RED_FLAG_REVIEW } from "./rules-red-flags";
import {
  BACK_PAIN,
  BACK_PAIN_RISING,
  FUNCTION_DECLINE,
  HIP_PAIN,
  HIP_PAIN_RISING,
  ODI_MODERATE,
  ODI_RISING,
} from "./rules-symptom";

export { RED_FLAG, RED_FLAG_REVIEW };

/** Every rule in rules.md v2, in table order; the red-flag rules last as in the table. */
export const RULES: readonly Rule[] = [
  DF_NWB_SEVERE,
  DF_NWB_LIMITED,
  DF_WBLT_LOW,
  DF_WBLT_ASYM,
  CALF_GASTROC,
  FPI_PRONATED,
  NAVICULAR_DROP,
  HIP_ABD_ASYM_HIGH,
  HIP_ABD_ASYM,
  TRENDELENBURG,
  PELVIC_DROP_RISING,
  HIP_FLEXOR_TIGHT,
  LEG_LENGTH,
  HIP_PAIN,
  HIP_PAIN_RISING,
  BACK_PAIN,
  BACK_PAIN_RISING,
  ODI_MODERATE,
  ODI_RISING,
  FUNCTION_DECLINE,
  HEEL_FUNCTION_DECLINE,
  HEEL_PAIN_RISING,
  BMI_HIGH,
  RED_FLAG,
  RED_FLAG_REVIEW,
];
