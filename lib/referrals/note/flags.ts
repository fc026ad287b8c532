// The flags of a referral note, filtered by the recipient's specialty (issue 19): a spine
// referral leads with the back flags and the red-flag screen item by item, a hip referral with
// the hip flags, a podiatry referral with the heel flags; every other flag follows one line each.
// One entry per rule with its sides together ("left 8°, right 7.5°"), never repeated per side;
// the full evidence goes to the appendix. Red flags always come first: whoever receives the note
// must see them before anything else.
import { MEASURES, RED_FLAGS, RED_FLAG_LABELS, isMeasureCode, type MeasureCode, type RedFlagCode } from "@/lib/clinical/measures";
import { capitalise, formatDate, formatValue } from "@/lib/clinical/format";
import type { Evaluation, Flag, Region, Severity } from "@/lib/clinical/types";
import type { Specialty } from "../schemas";
import type { AppendixEntry, FlagLine, NoteFlags } from "./types";

const REGION_WORDS: Record<Region, string> = { heel: "heel", hip: "hip", back: "low back" };
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, moderate: 2, low: 3 };
const LEVEL_RANK = { high: 0, moderate: 1, low: 2, none: 3 } as const;

/** The region a specialty reads first; the others lead with the highest region (heel on ties). */
const LEAD_REGION: Partial<Record<Specialty, Region>> = { spine: "back", back_colleague: "back", hip_colleague: "hip", podiatry: "heel" };

export function leadRegion(specialty: Specialty, evaluation: Evaluation): Region {
  const fixed = LEAD_REGION[specialty];
  if (fixed) return fixed;
  const order: Region[] = ["heel", "back", "hip"];
  return [...order].sort((a, b) => LEVEL_RANK[evaluation.regions[a].level] - LEVEL_RANK[evaluation.regions[b].level])[0]!;
}

/** Whether the red-flag screen is listed item by item (ticked and not ticked). */
const SCREEN_ITEM_BY_ITEM: ReadonlySet<Specialty> = new Set<Specialty>(["spine", "back_colleague"]);

const isRed = (f: Flag) => f.id === "RED_FLAG" || f.id === "RED_FLAG_REVIEW";

/** A flag's title without its side ("Limited ankle dorsiflexion (left)" → "Limited ankle dorsiflexion"). */
export function ruleTitle(flag: Flag): string {
  return flag.title
    .replace(/\s*\((left|right)\)\s*$/i, "")
    .replace(/^(left|right)\s+(\w)/i, (_, _side: string, c: string) => c.toUpperCase());
}

interface RuleGroup {
  id: string;
  flags: Flag[];
}

/** Flags grouped by rule, in the engine's order. */
export function groupByRule(flags: readonly Flag[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of flags) {
    const g = groups.get(f.id) ?? { id: f.id, flags: [] };
    g.flags.push(f);
    groups.set(f.id, g);
  }
  return [...groups.values()];
}

function worst(group: RuleGroup): number {
  return Math.min(...group.flags.map((f) => SEVERITY_RANK[f.severity]));
}

function severityWords(group: RuleGroup): string {
  const f = group.flags;
  if (f[0]!.id === "RED_FLAG") return `refer (${f[0]!.tier ?? "urgent"} tier)`;
  if (f[0]!.id === "RED_FLAG_REVIEW") return "for review: reason it through; refer if it persists or other findings join it";
  const distinct = new Set(f.map((x) => x.severity));
  if (distinct.size === 1) return f[0]!.severity;
  return f.map((x) => `${x.side === "none" ? "" : `${x.side} `}${x.severity}`).join(", ");
}

/** The values used, grouped by measure with their sides together: "Dorsiflexion, knee straight: left 8°, right 7.5° (2 Apr 2026)". */
export function valuesWords(group: RuleGroup): string {
  const f0 = group.flags[0]!;
  if (isRed(f0)) {
    const items = group.flags.flatMap((f) => f.items ?? (f.inputs.map((i) => i.code) as RedFlagCode[]));
    const date = f0.inputs[0]?.takenAt;
    return `${[...new Set(items)].map((c) => RED_FLAG_LABELS[c as RedFlagCode] ?? c).join("; ")}${date ? ` (${formatDate(date)})` : ""}`;
  }
  const byCode = new Map<MeasureCode, { side: string; value: number; takenAt: string }[]>();
  for (const f of group.flags) {
    for (const i of f.inputs) {
      if (!isMeasureCode(i.code)) continue;
      const list = byCode.get(i.code) ?? [];
      if (!list.some((x) => x.side === i.side && x.takenAt === i.takenAt)) list.push({ side: i.side, value: i.value, takenAt: i.takenAt });
      byCode.set(i.code, list);
    }
  }
  const parts: string[] = [];
  for (const [code, values] of byCode) {
    const sorted = [...values].sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.side.localeCompare(b.side));
    const dates = new Set(sorted.map((v) => v.takenAt.slice(0, 10)));
    const one = dates.size === 1;
    const cell = (v: (typeof sorted)[number]) => `${v.side === "none" ? "" : `${v.side} `}${formatValue(code, v.value)}${one ? "" : ` (${formatDate(v.takenAt)})`}`;
    parts.push(`${MEASURES[code].shortLabel}: ${sorted.map(cell).join(", ")}${one ? ` (${formatDate(sorted[0]!.takenAt)})` : ""}`);
  }
  return parts.join("; ");
}

function regionsWords(group: RuleGroup): string {
  const regions = new Set(group.flags.flatMap((f) => f.regions));
  return (["heel", "hip", "back"] as const).filter((r) => regions.has(r)).map((r) => REGION_WORDS[r]).join(", ");
}

function line(group: RuleGroup): FlagLine {
  const f0 = group.flags[0]!;
  return {
    id: group.id,
    // One side: the engine's title as it is ("… (left)"); both: the rule's title, the sides in the values.
    title: group.flags.length === 1 ? f0.title : ruleTitle(f0),
    regions: regionsWords(group),
    values: valuesWords(group),
    severity: severityWords(group),
    grade: f0.grade,
    threshold: f0.threshold,
  };
}

function screenOf(latestRedFlags: readonly RedFlagCode[]) {
  return RED_FLAGS.map((d) => ({ label: d.label, tier: d.tier, ticked: latestRedFlags.includes(d.code) }));
}

export function noteFlags(evaluation: Evaluation, specialty: Specialty, latest: { takenAt: string; redFlags: readonly RedFlagCode[] } | undefined): NoteFlags {
  const region = leadRegion(specialty, evaluation);
  const groups = groupByRule(evaluation.flags);
  const sortGroups = (list: RuleGroup[]) => [...list].sort((a, b) => Number(isRed(b.flags[0]!)) - Number(isRed(a.flags[0]!)) || worst(a) - worst(b));
  const lead = sortGroups(groups.filter((g) => isRed(g.flags[0]!) || g.flags.some((f) => f.regions.includes(region))));
  const others = sortGroups(groups.filter((g) => !lead.includes(g)));
  const itemByItem = SCREEN_ITEM_BY_ITEM.has(specialty) && latest !== undefined;
  const ticked = latest ? latest.redFlags.map((c) => RED_FLAG_LABELS[c] ?? c) : [];
  return {
    // A red flag leads whatever region it names, so the title says so rather than filing it under
    // the lead region ("Heel flags" over a red flag that names hip and back).
    leadTitle: capitalise(`${lead.some((g) => isRed(g.flags[0]!)) ? "red flags, then " : ""}${region === "back" ? "low-back" : region === "hip" ? "hip" : "heel"} flags`),
    lead: lead.map(line),
    screen: itemByItem ? { date: formatDate(latest.takenAt), items: screenOf(latest.redFlags) } : null,
    screenSummary: itemByItem
      ? null
      : latest
        ? `Red-flag screen of ${formatDate(latest.takenAt)}: ${ticked.length ? `ticked: ${ticked.join("; ")}` : "nothing ticked"}.`
        : "No red-flag screen recorded.",
    othersTitle: "Other flags",
    others: others.map(line),
  };
}

/** Sentences of the engine's explanation that do not name a side, for an entry covering both sides. */
function sharedExplanation(group: RuleGroup): string {
  const first = group.flags[0]!.explanation;
  if (group.flags.length === 1) return first;
  const sentences = first.split(/(?<=\.)\s+(?=[A-Z])/);
  const shared = sentences.filter((s) => !/\b(left|right)\b/i.test(s));
  return shared.length > 0 ? shared.join(" ") : first;
}

/** The appendix: the full evidence of every flag, one entry per rule, sides together. */
export function appendixEntries(evaluation: Evaluation): AppendixEntry[] {
  return groupByRule(evaluation.flags).map((g) => {
    const l = line(g);
    return {
      id: g.id,
      title: l.title,
      severity: l.severity,
      regions: l.regions,
      grade: l.grade,
      threshold: l.threshold,
      values: l.values,
      explanation: sharedExplanation(g),
      source: g.flags[0]!.source,
    };
  });
}
