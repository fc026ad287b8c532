// Recomputing stored evaluations in batches, with progress:
// - `npm run cli -- status repair` checks every patient, reports the ones whose stored columns
//   differ from a fresh evaluation (status, last visit, visit changes, the evaluation itself, the
//   rules version) and fixes them; a patient whose stored result was right is left untouched
//   (updatedAt included).
// - At start (scripts/start.ts), recomputeOutdatedEvaluations recomputes the patients whose stored
//   evaluation was produced by other rules (STORED_EVALUATION_VERSION changed) or never stored (rows from
//   before the stored evaluation, a restored old backup, a bulk import).
// Each batch is one transaction that first locks its patients' rows (the lock every write takes,
// lock.ts), so a visit recorded meanwhile is either seen by the batch or written after it, never
// overwritten with an older verdict; it is safe while servers run.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { STORED_EVALUATION_VERSION } from "@/lib/clinical/rules-version";
import { readPatientHistories } from "./history-read";
import { STORED_COLUMN_NAMES, storedColumnsFor, writeStoredColumns, type StoredColumns } from "./evaluation";

export interface StaleStatus {
  patientId: string;
  clinicId: string;
  /** Column → [stored value, recomputed value], for the columns that differed. */
  changes: Record<string, [unknown, unknown]>;
}

export interface RepairReport {
  checked: number;
  stale: number;
  /** The first `keep` stale patients (all of them when there are fewer). */
  examples: StaleStatus[];
  seconds: number;
}

export interface RepairOptions {
  batchSize?: number;
  keep?: number;
  onProgress?: (done: number, total: number) => void;
}

/** JSON with object keys sorted: a stored JSONB value (visitChanges: keys reordered) compares equal to the object it came from. */
function canonical(value: unknown): string {
  const plain: unknown = value instanceof Date ? value.toISOString() : value === undefined ? null : JSON.parse(JSON.stringify(value));
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(plain));
}

/** The stored columns as read for comparing; the evaluation as its stored text (a JSON column keeps it verbatim). */
type StoredRow = { id: string; clinicId: string; evaluationText: string | null } & { [K in keyof StoredColumns]: unknown };

/**
 * Recomputes one batch under the patients' row locks; writes the stale ones and returns them.
 * `compareAll` false (the start-up recompute of outdated rows): every row is rewritten, only the
 * rules version is reported as the change.
 */
async function recomputeBatch(ids: string[], compareAll: boolean): Promise<StaleStatus[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Patient" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
      const stored = await tx.$queryRaw<StoredRow[]>`
        SELECT "id"::text AS "id", "clinicId"::text AS "clinicId", "status"::text AS "status", "lastAssessedAt", "visitChanges",
               "rulesVersion", ${compareAll ? Prisma.sql`"evaluation"::text` : Prisma.sql`NULL::text`} AS "evaluationText"
          FROM "Patient" WHERE "id" = ANY(${ids}::uuid[])`;
      const histories = await readPatientHistories(tx, ids);
      const stale: StaleStatus[] = [];
      const writes: { id: string; columns: StoredColumns }[] = [];
      for (const row of stored) {
        const history = histories.get(row.id);
        if (!history) continue;
        const columns = storedColumnsFor(history);
        const changes: Record<string, [unknown, unknown]> = {};
        if (!compareAll) {
          changes.rulesVersion = [row.rulesVersion, columns.rulesVersion];
        } else {
          for (const name of STORED_COLUMN_NAMES) {
            if (name === "evaluation") {
              // Written as JSON.stringify's text and kept verbatim: compared as text, no parsing.
              const fresh = JSON.stringify(columns.evaluation);
              if (row.evaluationText !== fresh) changes.evaluation = [row.evaluationText === null ? null : JSON.parse(row.evaluationText), columns.evaluation];
            } else if (canonical(row[name]) !== canonical(columns[name])) {
              changes[name] = [row[name], columns[name]];
            }
          }
        }
        if (Object.keys(changes).length === 0) continue;
        stale.push({ patientId: row.id, clinicId: row.clinicId, changes });
        writes.push({ id: row.id, columns });
      }
      await writeStoredColumns(tx, writes);
      return stale;
    },
    { maxWait: 15_000, timeout: 120_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}

/** Walks the patients chosen by `where` in id order, in batches. */
async function recomputeWhere(where: Prisma.PatientWhereInput, compareAll: boolean, options: RepairOptions): Promise<RepairReport> {
  const batchSize = options.batchSize ?? 200;
  const keep = options.keep ?? 20;
  const started = Date.now();
  const total = await db.patient.count({ where });
  const report: RepairReport = { checked: 0, stale: 0, examples: [], seconds: 0 };
  let after: string | undefined;
  for (;;) {
    const ids = (
      await db.patient.findMany({
        where: after ? { AND: [where, { id: { gt: after } }] } : where,
        orderBy: { id: "asc" },
        take: batchSize,
        select: { id: true },
      })
    ).map((row) => row.id);
    if (ids.length === 0) break;
    after = ids.at(-1);
    const stale = await recomputeBatch(ids, compareAll);
    report.checked += ids.length;
    report.stale += stale.length;
    for (const s of stale) if (report.examples.length < keep) report.examples.push(s);
    options.onProgress?.(report.checked, Math.max(total, report.checked));
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** `status repair`: every patient checked, the stale ones reported and fixed. */
export async function repairStatuses(options: RepairOptions = {}): Promise<RepairReport> {
  return recomputeWhere({}, true, options);
}

/** The patients whose stored evaluation is missing or from other rules: recomputed (start-up). */
export async function recomputeOutdatedEvaluations(options: RepairOptions = {}): Promise<RepairReport> {
  return recomputeWhere({ OR: [{ rulesVersion: null }, { rulesVersion: { not: STORED_EVALUATION_VERSION } }, { evaluation: { equals: Prisma.DbNull } }] }, false, options);
}

/** One line per stale patient: `<id> (clinic <id>): status high → refer, lastAssessedAt … → …, evaluation changed`. */
export function describeStale(stale: StaleStatus): string {
  const show = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null ? "null" : Array.isArray(value) ? `[${value.join(",")}]` : String(value));
  const parts = Object.entries(stale.changes).map(([key, [was, now]]) =>
    (was !== null && typeof was === "object" && !(was instanceof Date)) || (now !== null && typeof now === "object" && !(now instanceof Date))
      ? `${key} changed`
      : `${key} ${show(was)} → ${show(now)}`,
  );
  return `${stale.patientId} (clinic ${stale.clinicId}): ${parts.join(", ")}`;
}
