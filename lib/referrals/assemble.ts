// Builds a referral note's sections from the data, pure: the clinician edits rather than writes.
// Everything clinical comes from the flag engine's evaluation (lib/clinical); this file only
// chooses what a receiving specialist needs and words it. Dates read "12 Mar 2026", values carry
// their units, left comes before right.
import { MEASURES, MEASURE_CODES, RED_FLAG_LABELS, isMeasureCode, type MeasureCode, type RedFlagCode, type Side } from "@/lib/clinical/measures";
import { capitalise, formatAmount, formatDate, formatValue } from "@/lib/clinical/format";
import type { Evaluation, Flag, PatientHistory, Region, Trend } from "@/lib/clinical/types";
import { measurementErrorText } from "@/lib/trends/sentences";
import { SPECIALTY_LABELS, URGENCY_LABELS, type ReferralSection, type SectionKey, type Specialty, type Urgency } from "./schemas";

export interface ReferralAuthor {
  name: string;
  clinicName: string;
  registrationNumber: string | null;
}

export interface ReferralTreatment {
  kind: string;
  text: string | null;
  /** ISO instant. */
  occurredAt: string;
}

export interface AssembleInput {
  patient: { givenName: string; familyName: string; birthDate: string; sex: string; diagnosisSide: "left" | "right" | "both"; mrn: string | null };
  history: PatientHistory;
  evaluation: Evaluation;
  treatments: readonly ReferralTreatment[];
  author: ReferralAuthor;
  specialty: Specialty;
  urgency: Urgency;
  comment?: string;
  /** The moment of assembly (ISO), for "duration since first visit". */
  asOf: string;
}

export const SECTION_TITLES: Record<SectionKey, string> = {
  reason: "Reason for referral",
  presenting_problem: "Presenting problem",
  changes: "Findings that changed beyond measurement error",
  flags: "Active flags, evidence and citations",
  current_values: "Current values (left, right)",
  treatment: "Treatment so far",
  comment: "Clinician's comment",
  referrer: "Referring clinician",
};

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
export function suggestUrgency(evaluation: Evaluation): UrgencySuggestion {
  const red = evaluation.flags.find((f) => f.id === "RED_FLAG");
  if (evaluation.status === "refer" || red) {
    const items = red ? redFlagItems(red).map((c) => RED_FLAG_LABELS[c] ?? "red flag") : [];
    const when = red ? recordedOn(red) : "";
    // A red flag without a tier is read as urgent: it set "refer", so it is never routine.
    if (red?.tier === "emergency") {
      return {
        urgency: "emergency",
        reason: `Emergency red flag recorded${when}: ${items.join("; ")}. Same-day emergency assessment; stop routine care.`,
      };
    }
    return { urgency: "urgent", reason: `Urgent red flag recorded${when}: ${items.join("; ")}. Medical assessment within days.` };
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
    const highRegions = (Object.keys(REGION_WORDS) as Region[]).filter((r) => evaluation.regions[r]?.level === "high");
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

const TREATMENT_LABELS: Record<string, string> = {
  orthoses: "Orthoses",
  stretching: "Stretching programme",
  strengthening: "Strengthening programme",
  footwear_change: "Footwear change",
  injection: "Injection",
  shockwave: "Shockwave therapy",
  night_splint: "Night splint",
  other: "Other",
};

const SEX_WORDS: Record<string, string> = { female: "woman", male: "man", other: "person", unknown: "person" };
const LEVEL_WORDS = { high: "high", moderate: "moderate", low: "low", none: "no flag" } as const;

function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.slice(0, 10).split("-").map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/** "3 weeks", "4 months", "2 years" between two instants. */
export function durationWords(fromIso: string, toIso: string): string {
  const days = Math.max(0, Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days < 14) return plural(days, "day");
  if (days < 61) return plural(Math.floor(days / 7), "week");
  if (days < 730) return plural(Math.floor(days / 30.44), "month");
  return plural(Math.floor(days / 365.25), "year");
}

function sideLabel(code: MeasureCode, side: Side): string {
  const label = MEASURES[code].shortLabel;
  return side === "none" ? label : `${label}, ${side}`;
}

function reasonText(input: AssembleInput, suggestion: UrgencySuggestion): string {
  const e = input.evaluation;
  const lines = [`Referral to ${SPECIALTY_LABELS[input.specialty].toLowerCase()}: ${URGENCY_LABELS[input.urgency].toLowerCase()}.`];
  // A red flag of any tier is stated first: the receiving clinician must see it before anything else.
  if (e.flags.some((f) => f.id === "RED_FLAG" || f.id === "RED_FLAG_REVIEW")) lines.push(suggestion.reason);
  const level = (r: Region) => LEVEL_WORDS[e.regions[r]?.level ?? "none"];
  lines.push(`Overall status: ${e.status === "refer" ? "refer" : LEVEL_WORDS[e.status]}. Heel: ${level("heel")}; hip: ${level("hip")}; low back: ${level("back")}.`);
  const chain = (["hip", "back"] as const).filter((r) => e.regions[r].escalated).map((r) => e.regions[r].reason).filter(Boolean);
  lines.push(...(chain as string[]));
  lines.push("The flags are monitoring prompts backed by cited evidence, not diagnoses.");
  return lines.join("\n");
}

function presentingText(input: AssembleInput): string {
  const p = input.patient;
  const side = p.diagnosisSide === "both" ? "both sides" : `${p.diagnosisSide} side`;
  const visits = input.history.assessments;
  const lines = [
    `${p.givenName} ${p.familyName}, ${ageOn(p.birthDate, input.asOf)}-year-old ${SEX_WORDS[p.sex] ?? "person"}, born ${formatDate(p.birthDate)}${p.mrn ? `, MRN ${p.mrn}` : ""}.`,
    `Plantar fasciitis (plantar heel pain), ${side}.`,
  ];
  const first = visits[0];
  const latest = visits.at(-1);
  if (first && latest) {
    lines.push(
      `Under our care since ${formatDate(first.takenAt)} (${durationWords(first.takenAt, input.asOf)}); ` +
        `${visits.length} visit${visits.length === 1 ? "" : "s"}, the latest on ${formatDate(latest.takenAt)}.`,
    );
  } else {
    lines.push("No assessment recorded yet.");
  }
  return lines.join("\n");
}

const LABEL_WORDS: Record<Trend["label"], string> = {
  important_change: "clinically important change",
  real_change: "real change (beyond measurement error)",
  within_error: "within measurement error",
  unrated: "not rated",
};

function changesText(evaluation: Evaluation): string {
  const changed = evaluation.trends.filter((t) => t.label === "real_change" || t.label === "important_change");
  if (changed.length === 0) return "No finding changed beyond measurement error.";
  return changed
    .map((t) => {
      const sign = t.delta > 0 ? "+" : t.delta < 0 ? "−" : "";
      const direction = t.direction === "better" || t.direction === "worse" ? `, ${t.direction}` : "";
      // The engine's wording of the MDC (never a value that rounds to 0).
      const error = t.mdcText ?? (t.mdc !== null ? measurementErrorText(t.code, t.mdc) : null);
      const mdc = error ? `; measurement error ${error}` : "";
      return (
        `• ${sideLabel(t.code, t.side)}: ${formatValue(t.code, t.baseline)} on ${formatDate(t.baselineTakenAt)} → ` +
        `${formatValue(t.code, t.latest)} on ${formatDate(t.latestTakenAt)} (${sign}${formatAmount(t.code, t.delta)}: ${LABEL_WORDS[t.label]}${direction}${mdc}).`
      );
    })
    .join("\n");
}

function flagText(flag: Flag): string {
  const values = flag.inputs
    .filter((i) => isMeasureCode(i.code))
    .map((i) => `${sideLabel(i.code as MeasureCode, i.side)} ${formatValue(i.code as MeasureCode, i.value)} (${formatDate(i.takenAt)})`);
  const kind =
    flag.id === "RED_FLAG"
      ? `refer${flag.tier ? `, ${flag.tier} tier` : ""}`
      : flag.id === "RED_FLAG_REVIEW"
        ? "red flag for review"
        : `${flag.severity}, worth monitoring, evidence grade ${flag.grade ?? "–"}`;
  const items = flag.id === "RED_FLAG" || flag.id === "RED_FLAG_REVIEW" ? redFlagItems(flag).map((c) => RED_FLAG_LABELS[c] ?? "red flag") : [];
  return [
    // Text a person reads: the rule's title, never its id (ids stay in the JSON and FHIR).
    `• ${flag.title} (${kind}).`,
    ...(items.length > 0 ? [`  Ticked: ${items.join("; ")}.`] : []),
    `  ${flag.explanation}`,
    ...(values.length > 0 ? [`  Values used: ${values.join("; ")}.`] : []),
    `  Source: ${flag.source}.`,
  ].join("\n");
}

function flagsText(evaluation: Evaluation): string {
  if (evaluation.flags.length === 0) return "No active flag.";
  // Red flags first: the receiving doctor must see them before anything else.
  const rank = (f: Flag) => (f.id === "RED_FLAG" ? 2 : f.id === "RED_FLAG_REVIEW" ? 1 : 0);
  const ordered = [...evaluation.flags].sort((a, b) => rank(b) - rank(a));
  return ordered.map(flagText).join("\n");
}

interface Latest {
  value: number;
  takenAt: string;
}

/** The latest value of every (code, side), catalog order, left then right. */
export function latestValues(history: PatientHistory): Map<MeasureCode, Partial<Record<Side, Latest>>> {
  const out = new Map<MeasureCode, Partial<Record<Side, Latest>>>();
  const visits = [...history.assessments].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  for (const visit of visits) {
    for (const m of visit.measures) {
      const bySide = out.get(m.code) ?? {};
      bySide[m.side] = { value: m.value, takenAt: visit.takenAt };
      out.set(m.code, bySide);
    }
  }
  return new Map(MEASURE_CODES.filter((c) => out.has(c)).map((c) => [c, out.get(c)!]));
}

function currentValuesText(history: PatientHistory): string {
  const rows = latestValues(history);
  if (rows.size === 0) return "No values recorded.";
  const cell = (code: MeasureCode, v: Latest | undefined) => (v ? `${formatValue(code, v.value)} (${formatDate(v.takenAt)})` : "–");
  return [...rows]
    .map(([code, bySide]) =>
      MEASURES[code].sides === "bilateral"
        ? `${MEASURES[code].shortLabel}: left ${cell(code, bySide.left)}; right ${cell(code, bySide.right)}`
        : `${MEASURES[code].shortLabel}: ${cell(code, bySide.none)}`,
    )
    .join("\n");
}

function treatmentText(treatments: readonly ReferralTreatment[]): string {
  if (treatments.length === 0) return "No treatment recorded.";
  return [...treatments]
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
    .map((t) => `• ${formatDate(t.occurredAt)}: ${TREATMENT_LABELS[t.kind] ?? t.kind}${t.text ? `: ${t.text}` : ""}`)
    .join("\n");
}

/** From the user profile, never typed into the note. */
export function referrerText(author: ReferralAuthor): string {
  return [author.name, author.clinicName, `Registration number: ${author.registrationNumber ?? "not recorded in the profile"}`].join("\n");
}

export function assembleSections(input: AssembleInput): ReferralSection[] {
  const suggestion = suggestUrgency(input.evaluation);
  const texts: Record<SectionKey, string> = {
    reason: reasonText(input, suggestion),
    presenting_problem: presentingText(input),
    changes: changesText(input.evaluation),
    flags: flagsText(input.evaluation),
    current_values: currentValuesText(input.history),
    treatment: treatmentText(input.treatments),
    comment: input.comment?.trim() ?? "",
    referrer: referrerText(input.author),
  };
  return (Object.keys(SECTION_TITLES) as SectionKey[]).map((key) => ({
    key,
    title: SECTION_TITLES[key],
    text: texts[key],
    // An empty comment is left out by default; everything else starts included.
    included: key === "comment" ? texts.comment !== "" : true,
  }));
}
