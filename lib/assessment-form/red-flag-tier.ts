// Which red-flag tier a set of ticked boxes reaches (rules.md v2, "Red flags"), for the form's
// live hint and the save confirmation. The engine decides the stored status; this only tells the
// clinician in advance what it will say. Pure.
import { RED_FLAGS, type RedFlagCode, type RedFlagTier } from "@/lib/clinical/measures";

const TIER_OF = new Map(RED_FLAGS.map((f) => [f.code, f.tier]));

/** The highest tier ticked, or null when nothing is ticked. */
export function tickedTier(ticked: readonly RedFlagCode[]): RedFlagTier | null {
  if (ticked.length === 0) return null;
  const tiers = new Set(ticked.map((c) => TIER_OF.get(c)));
  if (tiers.has("emergency")) return "emergency";
  // A history of cancer with night pain or unexplained weight loss is urgent (rules.md v2).
  const cancerCombination = ticked.includes("rf_cancer_history") && (ticked.includes("rf_night_pain") || ticked.includes("rf_unexplained_weight_loss"));
  if (tiers.has("urgent") || cancerCombination) return "urgent";
  return "review";
}

/** What saving will do, in words: "the patient will be marked REFER" or "… at least High". */
export function tierConsequence(tier: RedFlagTier): string {
  switch (tier) {
    case "emergency":
      return "emergency tier: the patient will be marked REFER (same-day emergency assessment)";
    case "urgent":
      return "urgent tier: the patient will be marked REFER (medical assessment within days)";
    case "review":
      return "for review: the status will be at least High, not Refer (reason it through; refer if it persists or other findings join it)";
  }
}

export const TIER_WORDS: Record<RedFlagTier, string> = { emergency: "emergency", urgent: "urgent", review: "review" };
