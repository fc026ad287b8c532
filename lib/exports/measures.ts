// Reading measure values for the CSV exports. Per patient: clinic-scoped (another clinic's patient
// is a 404). Clinic-wide: admins only, streamed in batches of visits so a large clinic never sits
// in memory at once. Deleted visits are left out everywhere, as in the flags.
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import { readVisitsWithValues } from "@/lib/patients/history-read";
import { MEASURES, MEASURE_CODES, isMeasureCode } from "@/lib/clinical/measures";
import { CLINIC_MEASURES_COLUMNS, csvHeader, csvRow, measureCsvCells, patientMeasuresCsv, type MeasureCsvRow } from "./csv";

const CODE_ORDER = new Map<string, number>(MEASURE_CODES.map((c, i) => [c, i]));
const SIDE_ORDER: Record<string, number> = { left: 0, right: 1, none: 2 };

const visitSelect = {
  id: true,
  patientId: true,
  takenAt: true,
  rater: { select: { name: true } },
  measures: { select: { code: true, side: true, value: true, method: true } },
} as const;

interface VisitRow {
  id: string;
  patientId: string;
  takenAt: Date;
  rater: { name: string };
  measures: { code: string; side: string; value: number; method: string | null }[];
}

/** Rows of one visit in catalog order (foot up to back), left before right. */
export function visitRows(visit: VisitRow): MeasureCsvRow[] {
  return [...visit.measures]
    .sort((a, b) => (CODE_ORDER.get(a.code) ?? 99) - (CODE_ORDER.get(b.code) ?? 99) || (SIDE_ORDER[a.side] ?? 9) - (SIDE_ORDER[b.side] ?? 9))
    .map((m) => ({
      takenAt: visit.takenAt,
      code: m.code,
      side: m.side,
      value: m.value,
      unit: isMeasureCode(m.code) ? MEASURES[m.code].unit : "",
      method: m.method,
      rater: visit.rater.name,
    }));
}

/** The per-patient CSV text, oldest visit first. */
export async function patientMeasuresCsvFor(actor: Actor, patientId: string): Promise<string> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const patient = await db.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { id: true } });
  if (!patient) throw new NotFoundError("patient");
  const visits = await readVisitsWithValues(db, actor.clinicId, patientId);
  return patientMeasuresCsv(visits.flatMap((v) => visitRows({ ...v, patientId, takenAt: new Date(v.takenAt), rater: { name: v.rater } })));
}

const BATCH = 500;

/** The clinic-wide CSV as a stream: patientId first, then the per-patient columns. Admins only. */
export function clinicMeasuresCsvStream(actor: Actor): ReadableStream<Uint8Array> {
  if (actor.role !== "admin") throw new ForbiddenError("Only a clinic admin can export the whole clinic.");
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader(CLINIC_MEASURES_COLUMNS)));
        return;
      }
      // Ordered by id (a stable key for the cursor), grouped per patient and oldest first within.
      const visits = await db.assessment.findMany({
        where: { clinicId: actor.clinicId, deletedAt: null },
        orderBy: [{ patientId: "asc" }, { takenAt: "asc" }, { id: "asc" }],
        select: visitSelect,
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      if (visits.length === 0) {
        controller.close();
        return;
      }
      cursor = visits.at(-1)!.id;
      const text = visits
        .flatMap((v) => visitRows(v).map((row) => csvRow([{ text: v.patientId }, ...measureCsvCells(row)])))
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
}
