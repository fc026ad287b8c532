// `npm run cli -- status repair`: recompute every patient's stored flag-engine result in batches
// and report the ones that were stale. Each batch is one transaction that first locks its patients'
// rows (the lock every write takes, lib/patients/lock.ts), so a visit recorded meanwhile is either
// seen by the repair or written after it, never overwritten with an older verdict.
// Staleness is judged on every stored column refreshPatientStatus writes (not only `status`), so
// columns added to the stored summary later are checked without changes here.
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshPatientStatus } from "./evaluation";

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

type Row = Record<string, unknown> & { id: string; clinicId: string; updatedAt: Date };

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value));

export async function repairStatuses(options: RepairOptions = {}): Promise<RepairReport> {
  const batchSize = options.batchSize ?? 200;
  const keep = options.keep ?? 20;
  const started = Date.now();
  const total = await db.patient.count();
  const report: RepairReport = { checked: 0, stale: 0, examples: [], seconds: 0 };
  let after: string | undefined;
  for (;;) {
    const ids = (
      await db.patient.findMany({
        where: after ? { id: { gt: after } } : {},
        orderBy: { id: "asc" },
        take: batchSize,
        select: { id: true },
      })
    ).map((row) => row.id);
    if (ids.length === 0) break;
    after = ids.at(-1);
    const stale = await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Patient" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
        const before = (await tx.patient.findMany({ where: { id: { in: ids } } })) as unknown as Row[];
        for (const row of before) await refreshPatientStatus(tx, row.clinicId, row.id);
        const now = new Map(((await tx.patient.findMany({ where: { id: { in: ids } } })) as unknown as Row[]).map((r) => [r.id, r]));
        const found: StaleStatus[] = [];
        const unchanged: Row[] = [];
        for (const row of before) {
          const fresh = now.get(row.id);
          if (!fresh) continue;
          const changes: Record<string, [unknown, unknown]> = {};
          for (const key of Object.keys(row)) {
            if (key === "updatedAt") continue;
            if (comparable(row[key]) !== comparable(fresh[key])) changes[key] = [row[key], fresh[key]];
          }
          if (Object.keys(changes).length) found.push({ patientId: row.id, clinicId: row.clinicId, changes });
          else unchanged.push(row);
        }
        // A patient whose stored result was right is left as it was, updatedAt included.
        if (unchanged.length) {
          await tx.$executeRaw`
            UPDATE "Patient" AS p SET "updatedAt" = u.t
            FROM unnest(${unchanged.map((r) => r.id)}::uuid[], ${unchanged.map((r) => r.updatedAt)}::timestamptz[]) AS u(id, t)
            WHERE p.id = u.id`;
        }
        return found;
      },
      { maxWait: 15_000, timeout: 120_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
    );
    report.checked += ids.length;
    report.stale += stale.length;
    for (const s of stale) if (report.examples.length < keep) report.examples.push(s);
    options.onProgress?.(report.checked, Math.max(total, report.checked));
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** One line per stale patient: `<id> (clinic <id>): status high → refer, lastAssessedAt … → …`. */
export function describeStale(stale: StaleStatus): string {
  const show = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null ? "null" : Array.isArray(value) ? `[${value.join(",")}]` : String(value));
  const parts = Object.entries(stale.changes).map(([key, [was, now]]) => `${key} ${show(was)} → ${show(now)}`);
  return `${stale.patientId} (clinic ${stale.clinicId}): ${parts.join(", ")}`;
}
