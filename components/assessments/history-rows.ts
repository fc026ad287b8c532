// Visits and treatment events as one history, newest first, with every text the table shows
// already formatted on the server (dates in the clinic's zone, values with units).
import { MEASURES, RED_FLAG_LABELS, isMeasureCode, type RedFlagCode } from "@/lib/clinical/measures";
import { formatValue } from "@/lib/clinical/format";
import { formatDate } from "@/lib/format/dates";
import type { AssessmentView } from "@/lib/assessments/queries";
import type { TreatmentView } from "@/lib/treatments/queries";
import { TREATMENT_LABELS, treatmentDetail } from "@/lib/treatments/labels";
import { FOOTWEAR_LABELS } from "@/lib/patients/history/labels";
import { ITEM_INSTRUMENT_DEFS, type QuestionnaireView } from "@/lib/questionnaires/instruments";

/** "FAAM ADL answers (items 1-21): 4 4 3 … N/A → 91.3 %" / "PSFS: climbing stairs 6, running 2 → 4.3/10". */
function answersLine(q: QuestionnaireView): string {
  if (q.instrument === "psfs") return `PSFS: ${q.activities.map((a) => `${a.name} ${a.score}`).join(", ")} → ${formatValue("psfs_mean", q.value)}`;
  const def = ITEM_INSTRUMENT_DEFS[q.instrument];
  return `${def.label} answers (items 1-${def.items}): ${q.answers.map((a) => (a === null ? "N/A" : String(a))).join(" ")} → ${formatValue(def.code, q.value)}`;
}

export interface ValueLine {
  code: string;
  label: string;
  left?: string;
  right?: string;
  whole?: string;
  methods: string;
}

export interface VisitRowData {
  kind: "visit";
  id: string;
  at: string;
  dateText: string;
  timeText: string;
  rater: string;
  valueCount: number;
  redFlags: string[];
  amended: string | null;
  deleted: string | null;
  notes: string | null;
  /** "Footwear: work boots" (issue 18); null when not recorded. */
  footwear: string | null;
  /** The item answers behind the questionnaire scores, one line per questionnaire. */
  answers: string[];
  values: ValueLine[];
}

export interface TreatmentRowData {
  kind: "treatment";
  id: string;
  at: string;
  dateText: string;
  label: string;
  text: string | null;
  /** Dose, injection agent and count, end, response at review. */
  detail: string | null;
  by: string;
}

export type HistoryRow = VisitRowData | TreatmentRowData;

// One formatter for the process: building one per visit cost more than the formatting.
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

function timeOf(iso: string): string {
  return TIME.format(new Date(iso));
}

function valueLines(visit: AssessmentView): ValueLine[] {
  const lines = new Map<string, ValueLine>();
  for (const m of visit.measures) {
    if (!isMeasureCode(m.code)) continue;
    const line = lines.get(m.code) ?? { code: m.code, label: MEASURES[m.code].shortLabel, methods: "" };
    const text = formatValue(m.code, m.value);
    if (m.side === "left") line.left = text;
    else if (m.side === "right") line.right = text;
    else line.whole = text;
    if (m.method && !line.methods.includes(m.method)) line.methods = line.methods ? `${line.methods}; ${m.method}` : m.method;
    lines.set(m.code, line);
  }
  return [...lines.values()];
}

export function visitRow(visit: AssessmentView): VisitRowData {
  return {
    kind: "visit",
    id: visit.id,
    at: visit.takenAt,
    dateText: formatDate(visit.takenAt),
    timeText: timeOf(visit.takenAt),
    rater: visit.rater.name,
    valueCount: visit.measures.length,
    redFlags: visit.redFlags.map((f) => RED_FLAG_LABELS[f as RedFlagCode] ?? f),
    amended:
      visit.amendedAt && visit.amendedBy
        ? `Amended by ${visit.amendedBy.name} on ${formatDate(visit.amendedAt)}: ${visit.amendReason ?? ""}`
        : null,
    deleted:
      visit.deletedAt && visit.deletedBy ? `Deleted by ${visit.deletedBy.name} on ${formatDate(visit.deletedAt)}: ${visit.deleteReason ?? ""}` : null,
    notes: visit.notes,
    footwear: visit.footwear ? FOOTWEAR_LABELS[visit.footwear] : null,
    answers: visit.questionnaires.map(answersLine),
    values: valueLines(visit),
  };
}

export function historyRows(visits: AssessmentView[], treatments: TreatmentView[]): HistoryRow[] {
  const rows: HistoryRow[] = [
    ...visits.map(visitRow),
    ...treatments.map(
      (t): TreatmentRowData => ({
        kind: "treatment",
        id: t.id,
        at: t.occurredAt,
        dateText: formatDate(t.occurredAt),
        label: TREATMENT_LABELS[t.kind],
        text: t.text,
        detail: treatmentDetail(t, (iso) => formatDate(iso)),
        by: t.createdBy.name,
      }),
    ),
  ];
  return rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
