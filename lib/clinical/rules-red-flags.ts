// The red-flag screen (rules.md v2, "Red flags"): three tiers. Emergency and urgent items give
// RED_FLAG (critical, status refer, carrying the highest tier); review items alone give
// RED_FLAG_REVIEW (high: reason it through, refer if it persists or other findings join it).
// Only the latest screen's boxes count: a box ticked earlier and not at the latest visit is taken
// as resolved or already dealt with. Two assessments recorded for the same moment are one screen
// (their boxes together), so a second entry for that time never clears the first one's; and a
// visit that recorded no screen at all (possible only in the flag CLI's input) clears nothing.

import { formatDate } from "./format";
import { RED_FLAGS, type RedFlagCode, type RedFlagTier } from "./measures";
import type { History } from "./history";
import type { Problem, Rule } from "./rule-kit";
import type { Flag, Region } from "./types";

const FINUCANE = "Finucane et al. 2020, JOSPT 50:350";
const TIER_RANK: Record<RedFlagTier, number> = { review: 0, urgent: 1, emergency: 2 };

const DEF = new Map(RED_FLAGS.map((d) => [d.code, d]));

/** What to suggest for a review-tier item (rules.md v2): a specialty or an examination. */
export const REVIEW_SUGGESTIONS: Partial<Record<RedFlagCode, string>> = {
  rf_inflammatory_signs: "rheumatology",
  rf_heel_neuro_symptoms: "a neurological examination",
};

/** The tier each ticked item has in this combination: cancer history with night pain or weight loss is urgent. */
export function tierOf(code: RedFlagCode, ticked: readonly RedFlagCode[]): RedFlagTier {
  const own = DEF.get(code)?.tier ?? "review";
  const cancerCombination =
    ticked.includes("rf_cancer_history") &&
    (ticked.includes("rf_night_pain") || ticked.includes("rf_unexplained_weight_loss"));
  if (cancerCombination && (code === "rf_cancer_history" || code === "rf_night_pain")) return "urgent";
  return own;
}

/** Highest tier among the ticked items (null when none is ticked). */
export function highestTier(ticked: readonly RedFlagCode[]): RedFlagTier | null {
  let best: RedFlagTier | null = null;
  for (const code of ticked) {
    const t = tierOf(code, ticked);
    if (best === null || TIER_RANK[t] > TIER_RANK[best]) best = t;
  }
  return best;
}

function regionsFor(items: readonly RedFlagCode[]): Region[] {
  return items.some((c) => DEF.get(c)?.heel) ? ["heel", "hip", "back"] : ["hip", "back"];
}

function label(code: RedFlagCode): string {
  return DEF.get(code)?.label ?? "red flag";
}

/**
 * The ticked items in words, those of `tier` (the deciding one) first and the others after "also":
 * "Unexplained weight loss; also Night pain". Said by RED_FLAG and by the referral's urgency reason.
 */
export function itemsByTier(ticked: readonly RedFlagCode[], tier: RedFlagTier): string {
  const leading = ticked.filter((c) => tierOf(c, ticked) === tier);
  if (leading.length === 0) return ticked.map(label).join("; ");
  const others = ticked.filter((c) => tierOf(c, ticked) !== tier);
  return `${leading.map(label).join("; ")}${others.length > 0 ? `; also ${others.map(label).join("; ")}` : ""}`;
}

interface Screen {
  takenAt: string;
  ticked: RedFlagCode[];
  /** False when the latest assessment recorded no screen and an earlier one's is read. */
  latest: boolean;
}

/** A visit as far as its red-flag screen goes (null: none recorded). */
export interface ScreenedVisit {
  takenAt: string;
  time: number;
  redFlags: readonly RedFlagCode[] | null;
}

/**
 * The latest red-flag screen of visits in time order: the last visit that recorded one, and the
 * boxes of every visit recorded at its moment, in the order ticked (a second entry for the same
 * moment never clears the first one's). A visit without a screen (the flag CLI's input may leave
 * `redFlags` out) does not clear the one before: "no flag" is never "not screened". Also what the
 * referral note quotes, so the two agree.
 */
export function latestScreenOf(visits: readonly ScreenedVisit[]): { visit: ScreenedVisit; ticked: RedFlagCode[] } | null {
  let last = visits.length - 1;
  while (last >= 0 && visits[last]!.redFlags === null) last--;
  if (last < 0) return null;
  const visit = visits[last]!;
  let first = last;
  while (first > 0 && visits[first - 1]!.time === visit.time) first--;
  const ticked = new Set<RedFlagCode>();
  for (const v of visits.slice(first, last + 1)) for (const code of v.redFlags ?? []) ticked.add(code);
  return { visit, ticked: [...ticked] };
}

/** The latest screen for the rules: not evaluated when there is none, skipped when it is stale. */
function latestScreen(h: History): Screen | { problem: Problem } {
  const found = latestScreenOf(h.visits);
  if (!found) {
    const reason = h.visits.length ? "no red-flag screen recorded" : "no assessment recorded, so no red-flag screen";
    return { problem: { key: "redFlags", stale: false, reason } };
  }
  const screen = found.visit;
  if (screen.time < h.staleBefore) {
    return {
      problem: {
        key: "redFlags",
        stale: true,
        reason: `the latest red-flag screen (${formatDate(screen.takenAt)}) is more than 180 days older than the latest assessment (${formatDate(h.latestVisit!.takenAt)}): skipped as stale`,
      },
    };
  }
  return { takenAt: screen.takenAt, ticked: found.ticked, latest: screen.time === h.latestVisit!.time };
}

/** "On the latest assessment (1 Mar 2026)", or the earlier screen's date when the latest had none. */
function screenWhen(screen: Screen): string {
  return screen.latest
    ? `On the latest assessment (${formatDate(screen.takenAt)})`
    : `On ${formatDate(screen.takenAt)} (the latest red-flag screen; later assessments recorded none)`;
}

/** Marks the flag just fired with the fields the kit does not know about. */
function finish(flag: Flag | undefined, extra: Partial<Flag>, regions: Region[]): void {
  if (!flag) return;
  Object.assign(flag, extra);
  flag.regions = regions;
}

/**
 * Why the referral, for the items that set the tier. Unlike the review tier, nothing here is left to
 * weighing: the text cites the guidance each item comes from (spinal screening, or the heel pain
 * guideline for a suspected fracture or rupture) and says the doctor must rule the cause out.
 */
function referralGrounds(items: readonly RedFlagCode[]): string {
  const heel = items.filter((c) => DEF.get(c)?.heel);
  const spinal = items.filter((c) => !DEF.get(c)?.heel);
  const grounds: string[] = [];
  if (spinal.length > 0) {
    grounds.push(
      `In spinal screening guidance (Finucane 2020) ${spinal.length === 1 ? "this finding is" : "these findings are"} ` +
        `associated with serious conditions that a doctor must rule out before routine care goes on.`,
    );
  }
  if (heel.length > 0) {
    grounds.push(
      `The heel pain guideline (ACFAS 2010) lists a calcaneal stress fracture and a plantar fascia rupture ` +
        `among the conditions a doctor must rule out before heel pain is treated as plantar fasciitis.`,
    );
  }
  return grounds.join(" ");
}

export const RED_FLAG: Rule = {
  id: "RED_FLAG",
  severity: "critical",
  regions: ["hip", "back"],
  link: null,
  grade: null,
  source: `${FINUCANE} (spinal red flags); heel red flags per ACFAS 2010`,
  evaluate(h, out) {
    const visit = latestScreen(h);
    if ("problem" in visit) return out.skip("none", [visit.problem]);
    const ticked = visit.ticked;
    const tier = highestTier(ticked);
    if (tier !== "emergency" && tier !== "urgent") return;
    const action =
      tier === "emergency"
        ? "Same-day emergency assessment; stop routine care."
        : "Medical assessment within days.";
    out.fire({
      side: "none",
      inputs: ticked.map((code) => ({ code, side: "none" as const, value: 1, takenAt: visit.takenAt })),
      title: tier === "emergency" ? "Red flag: emergency referral" : "Red flag: urgent referral",
      threshold:
        tier === "emergency"
          ? "an emergency red-flag item ticked on the latest assessment"
          : "an urgent red-flag item ticked on the latest assessment (or a history of cancer with night pain or unexplained weight loss)",
      explanation:
        `${action} ${screenWhen(visit)} the red-flag screen recorded: ` +
        `${itemsByTier(ticked, tier)}. ` +
        referralGrounds(ticked.filter((c) => tierOf(c, ticked) === tier)),
    });
    finish(out.flags.at(-1), { refer: true, tier, items: ticked }, regionsFor(ticked));
  },
};

export const RED_FLAG_REVIEW: Rule = {
  id: "RED_FLAG_REVIEW",
  severity: "high",
  regions: ["hip", "back"],
  link: null,
  grade: null,
  source: `${FINUCANE} (no single item decides; reason clinically)`,
  evaluate(h, out) {
    const visit = latestScreen(h);
    if ("problem" in visit) return out.skip("none", [visit.problem]);
    const ticked = visit.ticked;
    if (highestTier(ticked) !== "review") return;
    const suggestions = ticked.flatMap((c) => {
      const s = REVIEW_SUGGESTIONS[c];
      return s ? [`${label(c).replace(/ \(.*\)$/, "").toLowerCase()}: suggest ${s}`] : [];
    });
    out.fire({
      side: "none",
      inputs: ticked.map((code) => ({ code, side: "none" as const, value: 1, takenAt: visit.takenAt })),
      title: "Red flag to review",
      threshold: "only review-tier red-flag items ticked on the latest assessment",
      explanation:
        `Reason it through; refer if it persists or other findings join it. ${screenWhen(visit)} ` +
        `the red-flag screen recorded: ${ticked.map(label).join("; ")}.` +
        (suggestions.length > 0 ? ` ${suggestions.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(". ")}.` : "") +
        ` Alone, these items are weakly associated with serious conditions in spinal screening ` +
        `(Finucane 2020: no single item decides).`,
    });
    const specialties = ticked.flatMap((c) => (REVIEW_SUGGESTIONS[c] ? [REVIEW_SUGGESTIONS[c]!] : []));
    finish(
      out.flags.at(-1),
      { items: ticked, ...(specialties.length > 0 ? { suggestions: specialties } : {}) },
      regionsFor(ticked),
    );
  },
};
