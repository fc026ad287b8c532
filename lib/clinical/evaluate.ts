// evaluate(history): the flag engine. Runs every rule of rules.md (version 2) on one patient's
// history and derives the heel, hip and back levels (with chain escalation for hip and back), the
// overall status and the trend labels. Pure:
// the API, the pages, the referral notes and the CLI all call this one function.

import { buildHistory } from "./history";
import { RuleOutcome } from "./rule-kit";
import { RULES } from "./rules";
import { RULES_VERSION } from "./rules-version";
import { computeTrends } from "./trends";
import type {
  Evaluation,
  Flag,
  Level,
  Link,
  NotEvaluated,
  PatientHistory,
  Region,
  RegionResult,
  Status,
} from "./types";

const LEVEL_ORDER: readonly Level[] = ["none", "low", "moderate", "high"];
const LINK_ORDER: readonly Link[] = ["foot", "pelvis", "symptom", "systemic"];
/** Only these regions can be escalated by the chain (rules.md v2, "Region level"). */
const ESCALATING: readonly Region[] = ["hip", "back"];
const REGION_NAMES: Record<Region, string> = { heel: "heel", hip: "hip", back: "lower back" };

function rank(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}

export function higherLevel(a: Level, b: Level): Level {
  return rank(a) >= rank(b) ? a : b;
}

function stepUp(level: Level): Level {
  // low → moderate → high; high stays high.
  return level === "low" ? "moderate" : level === "moderate" ? "high" : level;
}

/** Severity of a counted flag as a region level (RED_FLAG, the only critical one, is never counted). */
function levelOf(flag: Flag): Level {
  return flag.severity === "critical" ? "high" : flag.severity;
}

function titles(flags: readonly Flag[]): string {
  return flags.map((f) => f.title.charAt(0).toLowerCase() + f.title.slice(1)).join("; ");
}

/**
 * Level of one region: the highest severity among the flags naming it (RED_FLAG is not counted:
 * it decides the status; RED_FLAG_REVIEW is counted, it is a high flag naming the region). Then
 * chain escalation, for hip and back only, when a symptom flag and a pelvis flag both name the
 * region: one step up. Foot and systemic flags never escalate; a foot flag anywhere in `flags`
 * is named as context in the reason.
 */
export function regionResult(region: Region, flags: readonly Flag[]): RegionResult {
  const counted = flags.filter((f) => f.id !== "RED_FLAG" && !f.refer && f.regions.includes(region));
  let baseLevel: Level = "none";
  for (const f of counted) baseLevel = higherLevel(baseLevel, levelOf(f));
  const links = LINK_ORDER.filter((link) => counted.some((f) => f.link === link));
  const symptom = counted.filter((f) => f.link === "symptom");
  const pelvis = counted.filter((f) => f.link === "pelvis");
  if (!ESCALATING.includes(region) || symptom.length === 0 || pelvis.length === 0) {
    return { level: baseLevel, escalated: false, links, baseLevel };
  }

  const level = stepUp(baseLevel);
  const where = REGION_NAMES[region];
  const foot = flags.filter((f) => f.link === "foot");
  const context = foot.length > 0 ? `, with heel-pain drivers: ${titles(foot)}` : "";
  const step =
    level === baseLevel
      ? `its level is already high and stays high`
      : `its level rises one step from ${baseLevel} to ${level}`;
  const reason =
    `A symptom (${titles(symptom)}) and a pelvis finding (${titles(pelvis)}) both concern the ${where}` +
    `${context}; ${step}. This chain escalation is a clinical heuristic (grade H): findings at two links ` +
    `together are treated as more concerning than one alone, without a validating study.`;
  return {
    level,
    escalated: true,
    links,
    baseLevel,
    reason,
    escalatedBy: [...new Set([...symptom, ...pelvis].map((f) => f.id))],
  };
}

/** refer when RED_FLAG fired; otherwise the highest region level, at least high with RED_FLAG_REVIEW. */
export function statusOf(regions: Record<Region, RegionResult>, flags: readonly Flag[]): Status {
  if (flags.some((f) => f.id === "RED_FLAG")) return "refer";
  let level = higherLevel(regions.heel.level, higherLevel(regions.hip.level, regions.back.level));
  if (flags.some((f) => f.id === "RED_FLAG_REVIEW")) level = higherLevel(level, "high");
  return level;
}

export function evaluate(history: PatientHistory): Evaluation {
  const h = buildHistory(history);
  const flags: Flag[] = [];
  const notEvaluated: NotEvaluated[] = [];

  for (const rule of RULES) {
    const out = new RuleOutcome(rule);
    rule.evaluate(h, out);
    flags.push(...out.flags);
    if (out.sides.length > 0) {
      notEvaluated.push({
        id: rule.id,
        missing: out.missing,
        skippedStale: out.skippedStale,
        sides: out.sides,
        reason: out.reasons.join("; "),
      });
    }
  }

  // The most urgent first: a referral, then a red flag to review, then the rest in table order.
  const urgency = (f: Flag) => (f.id === "RED_FLAG" ? 0 : f.id === "RED_FLAG_REVIEW" ? 1 : 2);
  flags.sort((a, b) => urgency(a) - urgency(b));

  const regions: Record<Region, RegionResult> = {
    heel: regionResult("heel", flags),
    hip: regionResult("hip", flags),
    back: regionResult("back", flags),
  };
  const status = statusOf(regions, flags);

  return {
    rulesVersion: RULES_VERSION,
    status,
    regions,
    flags,
    notEvaluated,
    trends: computeTrends(h),
    latestTakenAt: h.latestVisit?.takenAt ?? null,
  };
}
