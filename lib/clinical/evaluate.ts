// evaluate(history): the flag engine. Runs every rule of rules.md on one patient's history and
// derives region levels (with chain escalation), the overall status and the trend labels. Pure:
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
const LINK_NAMES: Record<Link, string> = {
  foot: "foot and ankle",
  pelvis: "hip and pelvis",
  symptom: "symptoms already showing",
  systemic: "body mass",
};

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

/** Severity of a chain flag as a region level (RED_FLAG is outside the chain and never passed here). */
function levelOf(flag: Flag): Level {
  return flag.severity === "critical" ? "high" : flag.severity;
}

export function regionResult(region: Region, flags: readonly Flag[]): RegionResult {
  // RED_FLAG sets the status to refer; it does not raise region levels or count as a link.
  const chainFlags = flags.filter((f) => !f.refer && f.link !== null && f.regions.includes(region));
  let baseLevel: Level = "none";
  for (const f of chainFlags) baseLevel = higherLevel(baseLevel, levelOf(f));
  const links = LINK_ORDER.filter((link) => chainFlags.some((f) => f.link === link));
  if (links.length < 2) return { level: baseLevel, escalated: false, links, baseLevel };

  const level = stepUp(baseLevel);
  const named = links.map((l) => LINK_NAMES[l]).join(", ");
  const reason =
    level === baseLevel
      ? `Flags from ${links.length} links of the chain (${named}) name the ${region}; the level is already ` +
        `high and stays high (chain escalation, grade H).`
      : `Flags from ${links.length} links of the chain (${named}) name the ${region}, so its level rises ` +
        `one step from ${baseLevel} to ${level} (chain escalation, grade H: problems at several links ` +
        `together are more concerning than one alone).`;
  return { level, escalated: true, links, baseLevel, reason };
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

  // The most urgent first: a referral is the first thing a clinician must see.
  flags.sort((a, b) => (a.refer ? 0 : 1) - (b.refer ? 0 : 1));

  const regions: Record<Region, RegionResult> = {
    heel: regionResult("heel", flags),
    hip: regionResult("hip", flags),
    back: regionResult("back", flags),
  };
  const status: Status = flags.some((f) => f.refer)
    ? "refer"
    : higherLevel(regions.hip.level, regions.back.level);

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
