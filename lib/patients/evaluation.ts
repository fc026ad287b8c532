// The stored evaluation: the flag engine's output for a patient's current history, kept on the
// patient's row (Patient.evaluation, with rulesVersion) together with the columns the lists read
// (status, lastAssessedAt, visitChanges). Every write that changes an input of the engine (visits
// recorded, corrected, deleted, restored; height, sex, birth date) calls refreshPatientStatus in
// its own transaction, under the patient's row lock (lock.ts), so the stored result always
// matches the committed history. Readers (flags API, patient page, referral notes, FHIR) read it
// with readPatientEvaluation, which evaluates afresh only when the row was stored by other rules
// (before the start-up recompute has reached it) or never stored.
import { evaluate } from "@/lib/clinical/evaluate";
import { STORED_EVALUATION_VERSION } from "@/lib/clinical/rules-version";
import type { Evaluation, PatientHistory, Status } from "@/lib/clinical/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { visitChanges, type VisitChanges } from "@/lib/caseload/changes";
import { readPatientHistories } from "./history-read";

type Tx = Prisma.TransactionClient | PrismaClient;

/** The columns one evaluation is stored in, as the database returns them. */
export interface StoredColumns {
  status: Status;
  lastAssessedAt: Date | null;
  visitChanges: VisitChanges;
  evaluation: Evaluation;
  rulesVersion: number;
}

export const STORED_COLUMN_NAMES = ["status", "lastAssessedAt", "visitChanges", "evaluation", "rulesVersion"] as const;

/** The engine's input for one patient of this clinic; undefined when there is no such patient. */
export async function loadPatientHistory(tx: Tx, clinicId: string, patientId: string): Promise<PatientHistory | undefined> {
  return (await readPatientHistories(tx, [patientId], clinicId)).get(patientId);
}

/** What is stored for this history (evaluates it, and once more without the latest visit for the changes). */
export function storedColumnsFor(history: PatientHistory): StoredColumns {
  const evaluation = evaluate(history);
  const latest = history.assessments.at(-1)?.takenAt; // histories are read in date order
  return {
    status: evaluation.status,
    lastAssessedAt: latest ? new Date(latest) : null,
    visitChanges: visitChanges(history, evaluation),
    evaluation,
    rulesVersion: STORED_EVALUATION_VERSION,
  };
}

/**
 * Writes the stored columns of these patients in one statement (and marks the rows updated). The
 * two JSON columns go as one JSON array each, split by PostgreSQL: as elements of a text[] every
 * ~15 KB evaluation was escaped once more (each quote of the JSON), in JavaScript and on the wire.
 * json_array_elements keeps each element's text as written, so `evaluation` keeps the engine's key
 * order. The rest are plain arrays, matched to the JSON elements by position.
 */
export async function writeStoredColumns(tx: Tx, rows: readonly { id: string; columns: StoredColumns }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "Patient" AS p
        SET "status" = u.status::"PatientStatus", "lastAssessedAt" = u.last, "visitChanges" = u.changes::jsonb,
            "evaluation" = u.evaluation, "rulesVersion" = u.version, "updatedAt" = now()
       FROM (SELECT r.id, r.status, r.last, r.version, c.changes, e.evaluation
               FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $6::int[]) WITH ORDINALITY AS r(id, status, last, version, n)
               JOIN json_array_elements($4::json) WITH ORDINALITY AS c(changes, n) USING (n)
               JOIN json_array_elements($5::json) WITH ORDINALITY AS e(evaluation, n) USING (n)) AS u
      WHERE p."id" = u.id`,
    rows.map((r) => r.id),
    rows.map((r) => r.columns.status),
    rows.map((r) => r.columns.lastAssessedAt),
    JSON.stringify(rows.map((r) => r.columns.visitChanges)),
    JSON.stringify(rows.map((r) => r.columns.evaluation)),
    rows.map((r) => r.columns.rulesVersion),
  );
}

/**
 * Re-evaluates one patient and stores the result (evaluation, status, last-assessed date, visit
 * changes, rules version); returns the evaluation. Call it inside the write's transaction, after
 * locking the patient (lockPatientForWrite).
 */
export async function refreshPatientStatus(tx: Tx, clinicId: string, patientId: string): Promise<Evaluation | undefined> {
  const history = await loadPatientHistory(tx, clinicId, patientId);
  if (!history) return undefined;
  const columns = storedColumnsFor(history);
  await writeStoredColumns(tx, [{ id: patientId, columns }]);
  return columns.evaluation;
}

/**
 * The patient's current evaluation: the stored one when the current rules produced it, otherwise
 * a fresh evaluation of the history (not stored: a read never writes; the start-up recompute and
 * `status repair` do). NotFound is the caller's: undefined for a missing patient or another clinic's.
 */
export async function readPatientEvaluation(tx: Tx, clinicId: string, patientId: string): Promise<Evaluation | undefined> {
  const rows = await tx.$queryRaw<{ evaluation: Evaluation | null; rulesVersion: number | null }[]>`
    SELECT "evaluation", "rulesVersion" FROM "Patient" WHERE "id" = ${patientId}::uuid AND "clinicId" = ${clinicId}::uuid`;
  const row = rows[0];
  if (!row) return undefined;
  return storedOrFresh(row, () => loadPatientHistory(tx, clinicId, patientId));
}

/** The stored evaluation if it is current, else a fresh one of the history `load` returns. */
export async function storedOrFresh(
  row: { evaluation: unknown; rulesVersion: number | null },
  load: () => Promise<PatientHistory | undefined>,
): Promise<Evaluation | undefined> {
  if (row.evaluation && row.rulesVersion === STORED_EVALUATION_VERSION) return row.evaluation as Evaluation;
  const history = await load();
  return history ? evaluate(history) : undefined;
}

/** Recomputes and stores every patient's evaluation (after a seed or an import); returns how many changed status. */
export async function refreshAllStatuses(tx: Tx, onProgress?: (done: number, total: number) => void): Promise<number> {
  const patients = await tx.patient.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } });
  let changed = 0;
  const BATCH = 200;
  for (let start = 0; start < patients.length; start += BATCH) {
    const batch = patients.slice(start, start + BATCH);
    const histories = await readPatientHistories(tx, batch.map((p) => p.id));
    const rows = batch.flatMap((p) => {
      const history = histories.get(p.id);
      if (!history) return [];
      const columns = storedColumnsFor(history);
      if (columns.status !== p.status) changed++;
      return [{ id: p.id, columns }];
    });
    await writeStoredColumns(tx, rows);
    onProgress?.(start + batch.length, patients.length);
  }
  return changed;
}
