// Precomputes everything the PDF shows (pure): the included sections and a small chart per flagged
// measure. The PDF components then only lay out these props (no hooks, no context: see
// docs/design stack notes). Charts use values up to the note's reference time (when it was
// finalised, or now for a draft) so a final note's PDF does not change with later visits.
import { MEASURES, isMeasureCode, type MeasureCode, type Side } from "@/lib/clinical/measures";
import { formatDate, formatValue } from "@/lib/clinical/format";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import { URGENCY_LABELS } from "../schemas";
import type { ReferralView } from "../queries";

export interface ChartPoint {
  /** 0..1 along the shared time axis of this chart. */
  x: number;
  value: number;
  label: string;
}

export interface ChartSeries {
  side: Side;
  points: ChartPoint[];
}

export interface FlagChart {
  code: MeasureCode;
  title: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  firstDate: string;
  lastDate: string;
  series: ChartSeries[];
  /** The chart in words, under it (also what makes the chart searchable). */
  caption: string;
}

export interface ReferralPdfProps {
  title: string;
  patientLine: string;
  metaLines: string[];
  statusLine: string;
  sections: { title: string; text: string }[];
  charts: FlagChart[];
  footer: string;
  size: "A4" | "LETTER";
  /** The page's font families (render.ts: the CJK fallback only when the text needs it). */
  fontFamily?: string[];
}

/** Codes of the measures that active (non-red) flags used, in catalog order. */
export function flaggedCodes(evaluation: Evaluation): MeasureCode[] {
  const codes = new Set<MeasureCode>();
  for (const flag of evaluation.flags) for (const i of flag.inputs) if (isMeasureCode(i.code)) codes.add(i.code);
  return Object.keys(MEASURES).filter((c): c is MeasureCode => codes.has(c as MeasureCode));
}

export function historyUpTo(history: PatientHistory, cutoffIso: string): PatientHistory {
  const cutoff = Date.parse(cutoffIso);
  return { ...history, assessments: history.assessments.filter((a) => Date.parse(a.takenAt) <= cutoff) };
}

export function chartFor(history: PatientHistory, code: MeasureCode): FlagChart | undefined {
  const raw: { side: Side; time: number; value: number; takenAt: string }[] = [];
  for (const a of history.assessments) for (const m of a.measures) if (m.code === code) raw.push({ side: m.side, time: Date.parse(a.takenAt), value: m.value, takenAt: a.takenAt });
  if (raw.length === 0) return undefined;
  raw.sort((a, b) => a.time - b.time);
  const t0 = raw[0]!.time;
  const t1 = raw.at(-1)!.time;
  const values = raw.map((r) => r.value);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const sides: Side[] = ["left", "right", "none"];
  const series = sides
    .map((side) => ({
      side,
      points: raw.filter((r) => r.side === side).map((r) => ({ x: t1 === t0 ? 0.5 : (r.time - t0) / (t1 - t0), value: r.value, label: `${formatValue(code, r.value)} (${formatDate(r.takenAt)})` })),
    }))
    .filter((s) => s.points.length > 0);
  const caption = series
    .map((s) => {
      const who = s.side === "none" ? "" : `${s.side === "left" ? "Left" : "Right"}: `;
      const first = s.points[0]!;
      const last = s.points.at(-1)!;
      return s.points.length === 1 ? `${who}${first.label}` : `${who}${first.label} → ${last.label}, ${s.points.length} values`;
    })
    .join(". ");
  return {
    code,
    title: MEASURES[code].label,
    min,
    max,
    minLabel: formatValue(code, min),
    maxLabel: formatValue(code, max),
    firstDate: formatDate(raw[0]!.takenAt),
    lastDate: formatDate(raw.at(-1)!.takenAt),
    series,
    caption: caption + ".",
  };
}

export function referralPdfProps(
  referral: ReferralView,
  history: PatientHistory,
  evaluation: Evaluation,
  options: { size: "A4" | "LETTER"; generatedAt: string },
): ReferralPdfProps {
  const p = referral.patient;
  const stamp =
    referral.status === "draft"
      ? "DRAFT: not finalised"
      : `Finalised by ${referral.finalizedBy?.name ?? "unknown"} on ${formatDate(referral.finalizedAt ?? "")}${referral.status === "superseded" ? " (superseded by a newer version)" : ""}`;
  return {
    title: `Referral to ${referral.specialtyLabel.toLowerCase()}`,
    patientLine: `${p.givenName} ${p.familyName}, born ${formatDate(p.birthDate)}${p.mrn ? `, MRN ${p.mrn}` : ""}`,
    metaLines: [`Urgency: ${URGENCY_LABELS[referral.urgency]}`, `Version ${referral.version}`, `Written ${formatDate(referral.createdAt)}`],
    statusLine: stamp,
    sections: referral.sections.filter((s) => s.included && s.text.trim() !== "").map((s) => ({ title: s.title, text: s.text })),
    charts: flaggedCodes(evaluation)
      .map((code) => chartFor(history, code))
      .filter((c): c is FlagChart => c !== undefined),
    footer: `${p.givenName} ${p.familyName} · referral v${referral.version} · ${referral.author.clinicName}`,
    size: options.size,
  };
}
