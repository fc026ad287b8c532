// Visits and treatment events as one history, newest first, with every text the table shows
// already formatted on the server (dates in the clinic's zone, values with units).
import { MEASURES, RED_FLAG_LABELS, isMeasureCode, type RedFlagCode } from "@/lib/clinical/measures";
import { formatValue } from "@/lib/clinical/format";
import { formatDate, formatTime } from "@/lib/format/dates";
import type { AssessmentView } from "@/lib/assessments/queries";
import type { VisitSummary } from "@/lib/assessments/summaries";
import type { TreatmentView } from "@/lib/treatments/queries";
import { TREATMENT_LABELS, treatmentDetail } from "@/lib/treatments/labels";

export interface ValueLine {
  code: string;
  label: string;
  left?: string;
  right?: string;
  whole?: string;
  methods: string;
}

/** A visit's row as the history lists it; its values (ValueLine[]) are loaded when it is opened. */
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

function timeOf(iso: string): string {
  return formatTime(iso);
}

/** One line per measure (left | right or whole), in the visit's order (catalog order). */
export function valueLines(visit: Pick<AssessmentView, "measures">): ValueLine[] {
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

export function visitRow(visit: VisitSummary): VisitRowData {
  return {
    kind: "visit",
    id: visit.id,
    at: visit.takenAt,
    dateText: formatDate(visit.takenAt),
    timeText: timeOf(visit.takenAt),
    rater: visit.rater.name,
    valueCount: visit.valueCount,
    redFlags: visit.redFlags.map((f) => RED_FLAG_LABELS[f as RedFlagCode] ?? f),
    amended:
      visit.amendedAt && visit.amendedBy
        ? `Amended by ${visit.amendedBy.name} on ${formatDate(visit.amendedAt)}: ${visit.amendReason ?? ""}`
        : null,
    deleted:
      visit.deletedAt && visit.deletedBy ? `Deleted by ${visit.deletedBy.name} on ${formatDate(visit.deletedAt)}: ${visit.deleteReason ?? ""}` : null,
    notes: visit.notes,
  };
}

export function historyRows(visits: VisitSummary[], treatments: TreatmentView[]): HistoryRow[] {
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
