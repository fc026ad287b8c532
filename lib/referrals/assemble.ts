// Builds a referral note's sections from the data, pure: the clinician edits rather than writes.
// Everything clinical comes from the flag engine's evaluation (lib/clinical); this file only
// chooses what a receiving specialist needs and words it. Dates read "12 Mar 2026", values carry
// their units, left comes before right.
import { MEASURES, MEASURE_CODES, RED_FLAG_LABELS, isMeasureCode, type MeasureCode, type RedFlagCode, type Side } from "@/lib/clinical/measures";
import { formatAmount, formatDate, formatValue } from "@/lib/clinical/format";
import type { Evaluation, Flag, PatientHistory, Trend } from "@/lib/clinical/types";
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
}

/** A red flag → urgent (and says why); any high-level flag → soon; otherwise routine. */
export function suggestUrgency(evaluation: Evaluation): UrgencySuggestion {
  const red = evaluation.flags.find((f) => f.id === "RED_FLAG");
  if (red) {
    const labels = red.inputs.map((i) => RED_FLAG_LABELS[i.code as RedFlagCode] ?? i.code);
    const when = red.inputs[0] ? ` on ${formatDate(red.inputs[0].takenAt)}` : "";
    return { urgency: "urgent", reason: `Red flag recorded${when}: ${labels.join("; ")}. A red flag means refer now.` };
  }
  const high = evaluation.flags.filter((f) => f.severity === "high");
  if (high.length > 0) {
    return { urgency: "soon", reason: `High-level flag: ${high.map((f) => f.title).join("; ")}.` };
  }
  return { urgency: "routine", reason: "No red flag and no high-level flag." };
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
  if (suggestion.urgency === "urgent") lines.push(suggestion.reason);
  lines.push(
    `Overall status: ${e.status === "refer" ? "refer" : LEVEL_WORDS[e.status]}. Hip: ${LEVEL_WORDS[e.regions.hip.level]}; low back: ${LEVEL_WORDS[e.regions.back.level]}.`,
  );
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
      const mdc = t.mdc !== null ? `; measurement error ${formatAmount(t.code, t.mdc)}` : "";
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
  const kind = flag.refer ? "refer" : `${flag.severity}, worth monitoring, evidence grade ${flag.grade ?? "–"}`;
  return [
    `• ${flag.title} [${flag.id}] (${kind}).`,
    `  ${flag.explanation}`,
    ...(values.length > 0 ? [`  Values used: ${values.join("; ")}.`] : []),
    `  Source: ${flag.source}.`,
  ].join("\n");
}

function flagsText(evaluation: Evaluation): string {
  if (evaluation.flags.length === 0) return "No active flag.";
  // Red flag first: the receiving doctor must see it before anything else.
  const ordered = [...evaluation.flags].sort((a, b) => Number(b.id === "RED_FLAG") - Number(a.id === "RED_FLAG"));
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
