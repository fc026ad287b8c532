// The urgency the "Create referral" form preselects, and its reason, from the flag engine's
// evaluation (pure). The note itself is assembled by lib/referrals/note/build.ts.
import { RED_FLAG_LABELS, isMeasureCode, type RedFlagCode } from "@/lib/clinical/measures";
import { capitalise, formatDate } from "@/lib/clinical/format";
import type { Evaluation, Flag, Region } from "@/lib/clinical/types";
import { itemsByTier } from "@/lib/clinical/rules-red-flags";
import type { Specialty, Urgency } from "./schemas";

export interface UrgencySuggestion {
  urgency: Urgency;
  /** Why, in words the form shows beside the preselected choice. */
  reason: string;
  /** A specialty the red-flag screen points to (review tier), preselected in the form. */
  specialty?: Specialty;
}

/** Review-tier items that name where to look (rules.md v2, "Red flags"). */
const REVIEW_SPECIALTY: Partial<Record<RedFlagCode, { specialty: Specialty; words: string }>> = {
  rf_inflammatory_signs: { specialty: "rheumatology", words: "rheumatology (inflammatory signs)" },
  rf_heel_neuro_symptoms: { specialty: "neurology", words: "a neurological examination (neurological heel symptoms)" },
};

const REGION_WORDS: Record<Region, string> = { heel: "heel", hip: "hip", back: "low back" };

function redFlagItems(flag: Flag): RedFlagCode[] {
  if (flag.items?.length) return flag.items;
  return flag.inputs.map((i) => i.code).filter((c): c is RedFlagCode => !isMeasureCode(c));
}

function recordedOn(flag: Flag): string {
  return flag.inputs[0] ? ` on ${formatDate(flag.inputs[0].takenAt)}` : "";
}

/**
 * The suggested urgency follows the overall status (rules.md v2): an emergency-tier red flag →
 * emergency; an urgent-tier red flag → urgent; status high (a review-tier red flag, or a region at
 * high) → soon; anything lower → routine. The reason names what decided it and never contradicts
 * the status.
 */
export function suggestUrgency(evaluation: Evaluation, leadRegion?: Region): UrgencySuggestion {
  const red = evaluation.flags.find((f) => f.id === "RED_FLAG");
  if (evaluation.status === "refer" || red) {
    const when = red ? recordedOn(red) : "";
    // A red flag without a tier is read as urgent: it set "refer", so it is never routine.
    const tier = red?.tier === "emergency" ? "emergency" : "urgent";
    const items = red ? itemsByTier(redFlagItems(red), tier) : "";
    if (tier === "emergency") {
      return {
        urgency: "emergency",
        reason: `Emergency red flag recorded${when}: ${items}. Same-day emergency assessment; stop routine care.`,
      };
    }
    return { urgency: "urgent", reason: `Urgent red flag recorded${when}: ${items}. Medical assessment within days.` };
  }
  if (evaluation.status === "high") {
    const parts: string[] = [];
    let specialty: Specialty | undefined;
    const review = evaluation.flags.find((f) => f.id === "RED_FLAG_REVIEW");
    if (review) {
      const codes = redFlagItems(review);
      const where = codes.map((c) => REVIEW_SPECIALTY[c]).filter((x) => x !== undefined);
      specialty = where[0]?.specialty;
      parts.push(
        `Red flag for review recorded${recordedOn(review)}: ${codes.map((c) => RED_FLAG_LABELS[c] ?? "red flag").join("; ")}. ` +
          "Reason it through; refer if it persists or other findings join it." +
          (where.length ? ` Suggested: ${where.map((w) => w.words).join("; ")}.` : ""),
      );
    }
    // The region the recipient reads first (the note's lead region) comes first in the reason too.
    const order = (Object.keys(REGION_WORDS) as Region[]).sort((a, b) => Number(b === leadRegion) - Number(a === leadRegion));
    const highRegions = order.filter((r) => evaluation.regions[r]?.level === "high");
    for (const region of highRegions) {
      const r = evaluation.regions[region];
      const titles = evaluation.flags.filter((f) => f.id !== "RED_FLAG_REVIEW" && f.severity === "high" && f.regions.includes(region)).map((f) => f.title);
      const why = (r.escalated && r.reason ? r.reason : titles.join("; ")).replace(/\.\s*$/, "");
      parts.push(`${capitalise(REGION_WORDS[region])} at high level${why ? `: ${why}` : ""}.`);
    }
    return { urgency: "soon", reason: `Overall status high. ${parts.join(" ")}`.trim(), ...(specialty ? { specialty } : {}) };
  }
  return {
    urgency: "routine",
    reason: evaluation.status === "none" ? "No red flag and no active flag." : `Overall status ${evaluation.status}: no red flag and no region at high level.`,
  };
}
