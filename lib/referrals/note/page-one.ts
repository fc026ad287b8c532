// Page one of the referral note, pure: the patient, the chronology, the diagnosis basis and the
// differentials excluded, the key findings (latest vs baseline with the trend label and MCID),
// treatments, imaging, comorbidities and medications. Words and tables only; layout is the
// renderers' business.
import { MEASURES, MEASURE_CODES, isMeasureCode, type MeasureCode, type Side } from "@/lib/clinical/measures";
import { formatAmount, formatDate, formatValue } from "@/lib/clinical/format";
import type { PatientHistory, Trend } from "@/lib/clinical/types";
import { DIFFERENTIALS, DIFFERENTIAL_LABELS } from "../differentials";
import type { ClinicalHistory, NoteTable, ReferralNoteInput, RelatedPain, TreatmentCourse } from "./types";

const SEX_WORDS: Record<string, string> = { female: "woman", male: "man", other: "person", unknown: "person" };

export function ageOn(birthDate: string, asOf: string): number {
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

const sideText = (side: "left" | "right" | "both") => (side === "both" ? "both sides" : `${side} side`);

export function patientText(input: ReferralNoteInput): string {
  const p = input.patient;
  const lines = [
    `${p.givenName} ${p.familyName}, ${ageOn(p.birthDate, input.asOf)}-year-old ${SEX_WORDS[p.sex] ?? "person"}, born ${formatDate(p.birthDate)}${p.mrn ? `, MRN ${p.mrn}` : ""}.`,
    `Plantar fasciitis (plantar heel pain), ${sideText(p.diagnosisSide)}.`,
  ];
  const mass = latestOf(input.history, "body_mass_kg", "none");
  if (p.heightCm && mass) {
    const bmi = mass.value / (p.heightCm / 100) ** 2;
    lines.push(`BMI ${bmi.toFixed(1)} (height ${p.heightCm} cm, ${formatValue("body_mass_kg", mass.value)} on ${formatDate(mass.takenAt)}).`);
  }
  return lines.join("\n");
}

interface Dated {
  value: number;
  takenAt: string;
}

function latestOf(history: PatientHistory, code: MeasureCode, side: Side): Dated | undefined {
  for (let i = history.assessments.length - 1; i >= 0; i--) {
    const a = history.assessments[i]!;
    const m = a.measures.find((x) => x.code === code && x.side === side);
    if (m) return { value: m.value, takenAt: a.takenAt };
  }
  return undefined;
}

/** The first visit whose rating of `code` (any side) is above 0. */
function firstPainRecorded(history: PatientHistory, code: MeasureCode): { takenAt: string; index: number } | undefined {
  for (let i = 0; i < history.assessments.length; i++) {
    const a = history.assessments[i]!;
    if (a.measures.some((m) => m.code === code && m.value > 0)) return { takenAt: a.takenAt, index: i };
  }
  return undefined;
}

function heelLine(input: ReferralNoteInput): string {
  const onset = input.clinical.heelPainOnset;
  const sides = (["left", "right"] as const).filter((s) => onset[s]);
  if (sides.length > 0) {
    return sides.map((s) => `${s === "left" ? "Left" : "Right"} heel pain since ${formatDate(onset[s]!)} (${durationWords(onset[s]!, input.asOf)}).`).join(" ");
  }
  const first = input.history.assessments[0];
  return first
    ? `Heel-pain onset not recorded; heel pain present at the first assessment on ${formatDate(first.takenAt)} (${durationWords(first.takenAt, input.asOf)} ago).`
    : "Heel-pain onset not recorded.";
}

function relatedLine(what: "Hip pain" | "Low-back pain", recorded: RelatedPain | null, code: MeasureCode, input: ReferralNoteInput): string {
  const onset = recorded?.onset ? ` (onset ${formatDate(recorded.onset)})` : "";
  if (recorded && recorded.beforeHeel === "yes") return `${what} began before the heel pain${onset}.`;
  if (recorded && recorded.beforeHeel === "no") return `${what} began after the heel pain${onset}.`;
  // Both onsets recorded: their dates give the order even when the yes/no was left unknown.
  const heelOnsets = [input.clinical.heelPainOnset.left, input.clinical.heelPainOnset.right].filter((d): d is string => !!d).sort();
  if (recorded?.onset && heelOnsets[0] && recorded.onset !== heelOnsets[0]) {
    return `${what} began ${recorded.onset < heelOnsets[0] ? "before" : "after"} the heel pain${onset}, by the recorded onset dates.`;
  }
  const first = firstPainRecorded(input.history, code);
  if (!first) return recorded ? `${what}: order relative to the heel pain unknown${onset}.` : `No ${what.toLowerCase()} recorded.`;
  if (first.index === 0) {
    return `${what} present from the first assessment (${formatDate(first.takenAt)}); whether it came before or after the heel pain is not recorded${onset}.`;
  }
  const heelFirst = input.history.assessments[0]!.takenAt;
  return `${what} first recorded on ${formatDate(first.takenAt)}, after the heel pain (assessed from ${formatDate(heelFirst)})${onset}.`;
}

export function chronologyText(input: ReferralNoteInput): string {
  const visits = input.history.assessments;
  const lines = [
    heelLine(input),
    relatedLine("Hip pain", input.clinical.hipPain, "pain_hip_nprs", input),
    relatedLine("Low-back pain", input.clinical.backPain, "pain_back_nprs", input),
  ];
  const first = visits[0];
  const latest = visits.at(-1);
  if (first && latest) {
    lines.push(
      `Under our care since ${formatDate(first.takenAt)} (${durationWords(first.takenAt, input.asOf)}); ${visits.length} visit${visits.length === 1 ? "" : "s"}, the latest on ${formatDate(latest.takenAt)}.`,
    );
  } else {
    lines.push("No assessment recorded yet.");
  }
  return lines.join("\n");
}

export function diagnosisText(input: ReferralNoteInput): string {
  const r = input.referral;
  const basis = r.diagnosisBasis?.trim() || `clinical diagnosis of plantar heel pain, ${sideText(input.patient.diagnosisSide)} (no basis written by the referrer).`;
  const excluded = DIFFERENTIALS.filter((d) => r.differentialsExcluded.includes(d)).map((d) =>
    d === "other" ? `other: ${r.differentialOther?.trim() || "not specified"}` : DIFFERENTIAL_LABELS[d],
  );
  const open = DIFFERENTIALS.filter((d) => d !== "other" && !r.differentialsExcluded.includes(d)).map((d) => DIFFERENTIAL_LABELS[d]);
  return [
    `Basis: ${basis}`,
    `Differentials excluded: ${excluded.length ? excluded.join("; ") : "none recorded"}.`,
    ...(open.length ? [`Not recorded as excluded: ${open.join("; ")}.`] : []),
  ].join("\n");
}

const PAIN_AND_SCORES: ReadonlySet<MeasureCode> = new Set<MeasureCode>([
  "pain_heel_nprs",
  "pain_first_step_nprs",
  "pain_hip_nprs",
  "pain_back_nprs",
  "odi_percent",
  "lefs_score",
  "faam_adl_percent",
  "faam_sports_percent",
  "psfs_mean",
  "gait_speed_mps",
]);

const LABEL_WORDS: Record<Trend["label"], string> = {
  important_change: "important change",
  real_change: "real change",
  within_error: "within measurement error",
  unrated: "not rated",
};

function trendWords(t: Trend): string {
  const direction = t.direction === "better" || t.direction === "worse" ? `, ${t.direction}` : "";
  const plateau = t.plateau ? ", plateau" : "";
  const painFree = t.code.startsWith("pain_") && t.latest === 0 ? " (pain-free)" : "";
  return `${LABEL_WORDS[t.label]}${t.label === "within_error" || t.label === "unrated" ? "" : direction}${plateau}${painFree}`;
}

function rowLabel(code: MeasureCode, side: Side): string {
  return side === "none" ? MEASURES[code].shortLabel : `${MEASURES[code].shortLabel}, ${side}`;
}

interface SideCells {
  side: Side;
  baseline: string;
  baselineDate: string | null;
  latest: string;
  latestDate: string | null;
  change: string;
  trend: string;
}

/** "left 8°, right 13° (12 Jun 2026)", or each with its own date when they differ. */
function valuesWithDates(cells: SideCells[], value: (c: SideCells) => string, date: (c: SideCells) => string | null): string {
  const dates = new Set(cells.map(date));
  const one = dates.size === 1 ? [...dates][0] : undefined;
  const part = (c: SideCells) => `${c.side === "none" ? "" : `${c.side} `}${value(c)}${one === undefined && date(c) ? ` (${date(c)})` : ""}`;
  return `${cells.map(part).join(", ")}${one ? ` (${one})` : ""}`;
}

/** One row per finding, its sides together ("left …, right …"); one side alone keeps its name in the label. */
function sidesTogether(code: MeasureCode, cells: SideCells[], mcid: string): string[] | undefined {
  if (cells.length === 0) return undefined;
  if (cells.length === 1) {
    const c = cells[0]!;
    const at = (v: string, d: string | null) => (d && v !== "–" ? `${v} (${d})` : v);
    return [rowLabel(code, c.side), at(c.baseline, c.baselineDate), at(c.latest, c.latestDate), c.change, c.trend, mcid];
  }
  const sameTrend = new Set(cells.map((c) => c.trend)).size === 1;
  return [
    MEASURES[code].shortLabel,
    cells.every((c) => c.baseline === "–") ? "–" : valuesWithDates(cells, (c) => c.baseline, (c) => c.baselineDate),
    valuesWithDates(cells, (c) => c.latest, (c) => c.latestDate),
    cells.map((c) => `${c.side} ${c.change}`).join(", "),
    sameTrend ? `both: ${cells[0]!.trend}` : cells.map((c) => `${c.side}: ${c.trend}`).join("; "),
    mcid,
  ];
}

/**
 * Key findings: pain ratings, questionnaires and gait speed, every measure an active flag used,
 * and anything that changed beyond measurement error; latest vs baseline with the trend label and
 * the MCID. Catalog order, left before right.
 */
export function keyFindingsTable(input: ReferralNoteInput): NoteTable {
  const e = input.evaluation;
  const wanted = new Set<MeasureCode>(PAIN_AND_SCORES);
  const flagged = new Set<string>();
  for (const f of e.flags) {
    for (const i of f.inputs) {
      if (!isMeasureCode(i.code) || i.code === "trendelenburg_pelvis_dropped") continue;
      wanted.add(i.code);
      flagged.add(`${i.code}|${i.side}`);
    }
  }
  for (const t of e.trends) if (t.label === "real_change" || t.label === "important_change") wanted.add(t.code);
  const trends = new Map(e.trends.map((t) => [`${t.code}|${t.side}`, t]));
  const rows: string[][] = [];
  for (const code of MEASURE_CODES) {
    if (!wanted.has(code)) continue;
    const mcid = MEASURES[code].mcid ? formatAmount(code, MEASURES[code].mcid!.points) : "–";
    const cells: SideCells[] = [];
    for (const side of ["left", "right", "none"] as const) {
      const t = trends.get(`${code}|${side}`);
      // A pain that was never there is one line of the chronology, not a row of zeros.
      if (t && code.startsWith("pain_") && t.baseline === 0 && t.latest === 0 && !flagged.has(`${code}|${side}`)) continue;
      if (t) {
        const sign = t.delta > 0 ? "+" : t.delta < 0 ? "−" : "±";
        cells.push({
          side,
          baseline: formatValue(code, t.baseline),
          baselineDate: formatDate(t.baselineTakenAt),
          latest: formatValue(code, t.latest),
          latestDate: formatDate(t.latestTakenAt),
          change: `${sign}${formatAmount(code, t.delta)}`,
          trend: trendWords(t),
        });
        continue;
      }
      const only = latestOf(input.history, code, side);
      if (only) cells.push({ side, baseline: "–", baselineDate: null, latest: formatValue(code, only.value), latestDate: formatDate(only.takenAt), change: "–", trend: "one value only" });
    }
    const row = sidesTogether(code, cells, mcid);
    if (row) rows.push(row);
  }
  return { columns: ["Finding", "Baseline", "Latest", "Change", "Trend", "MCID"], rows };
}

const RESPONSE_WORDS = { better: "better", same: "no change", worse: "worse" } as const;

export function treatmentTable(treatments: readonly TreatmentCourse[]): NoteTable {
  const rows = [...treatments]
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
    .map((t) => [
      t.name,
      t.dose?.trim() || "not recorded",
      t.endedAt ? `${formatDate(t.startedAt)} – ${formatDate(t.endedAt)}` : `from ${formatDate(t.startedAt)}`,
      t.response ? RESPONSE_WORDS[t.response] : "not recorded",
    ]);
  return { columns: ["Treatment", "Dose or parameters", "Dates", "Response"], rows };
}

export function imagingTable(clinical: ClinicalHistory): NoteTable {
  const rows = [...clinical.imaging].sort((a, b) => a.date.localeCompare(b.date)).map((i) => [formatDate(i.date), i.kind, i.finding]);
  return { columns: ["Date", "Imaging or investigation", "Finding"], rows };
}

export function comorbiditiesText(clinical: ClinicalHistory): string {
  return [
    `Comorbidities: ${clinical.comorbidities.length ? clinical.comorbidities.join("; ") : "none recorded"}.`,
    `Medications: ${clinical.medications?.trim() || "none recorded"}.`,
  ].join("\n");
}
