// The rule table of clinical/rules.md, in its order, plus the red-flag screen. evaluate.ts runs
// every rule here; adding a rule means adding it to RULES (and its tests).

import { RED_FLAG_LABELS } from "./measures";
import { formatDate } from "./format";
import type { Rule } from "./rule-kit";
import {
  BMI_HIGH,
  CALF_GASTROC,
  DF_NWB_LIMITED,
  DF_NWB_SEVERE,
  DF_WBLT_ASYM,
  DF_WBLT_LOW,
  FPI_PRONATED,
  NAVICULAR_DROP,
} from "./rules-foot";
import {
  HIP_ABD_ASYM,
  HIP_ABD_ASYM_HIGH,
  HIP_FLEXOR_TIGHT,
  LEG_LENGTH,
  PELVIC_DROP_RISING,
  TRENDELENBURG,
} from "./rules-pelvis";
import {
  BACK_PAIN,
  BACK_PAIN_RISING,
  FUNCTION_DECLINE,
  HIP_PAIN,
  HIP_PAIN_RISING,
  ODI_MODERATE,
  ODI_RISING,
} from "./rules-symptom";

/**
 * Red flags on the latest assessment only: a box ticked at an earlier visit and not at the
 * latest one is taken as resolved or already dealt with. Outside the chain (no link, no grade);
 * it names both regions for display but never sets a region level: it sets status "refer".
 */
export const RED_FLAG: Rule = {
  id: "RED_FLAG",
  severity: "critical",
  regions: ["hip", "back"],
  link: null,
  grade: null,
  source: "Finucane et al. 2020, JOSPT 50:350 (spinal); heel red flags per ACFAS 2010",
  evaluate(h, out) {
    const visit = h.latestVisit;
    if (!visit) {
      out.skip("none", [
        { key: "redFlags", stale: false, reason: "no assessment recorded, so no red-flag screen" },
      ]);
      return;
    }
    if (visit.redFlags.length === 0) return;
    const labels = visit.redFlags.map((c) => RED_FLAG_LABELS[c]);
    out.fire({
      side: "none",
      inputs: visit.redFlags.map((code) => ({ code, side: "none" as const, value: 1, takenAt: visit.takenAt })),
      title: "Red flag: refer",
      threshold: "any red-flag box ticked on the latest assessment",
      explanation:
        `Refer. On the latest assessment (${formatDate(visit.takenAt)}) the red-flag screen recorded: ` +
        `${labels.join("; ")}. These signs can point to a serious condition that must be ruled out by a ` +
        `doctor before heel-pain care continues; refer the patient now and do not wait for the gait findings.`,
    });
    // The outcome's flag is marked as a referral here, not in the kit, to keep the kit generic.
    const flag = out.flags[out.flags.length - 1];
    if (flag) flag.refer = true;
  },
};

/** Every rule in rules.md, in table order; RED_FLAG last as in the table. */
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
  BMI_HIGH,
  RED_FLAG,
];
