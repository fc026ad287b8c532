// After an upgrade of the flag rules (clinical/rules.md), every stored patient status must be
// recomputed, or the patient list and caseload would keep showing verdicts of the old rules.
// One row (StoredStatusRules) holds the rules version the stored statuses were computed under;
// start-up (scripts/start.ts) compares it with the engine's RULES_VERSION and, when older, runs
// the `status repair` path over every patient, then records the new version. A database without
// the row predates versioning: its statuses are version 1.
import { RULES_VERSION } from "@/lib/clinical/rules-version";
import { db } from "@/lib/db/client";
import { repairStatuses, type RepairOptions, type RepairReport } from "./status-repair";

const ROW_ID = 1;
/** Statuses stored before the rules had a version were computed under version 1. */
const UNVERSIONED = 1;

export async function storedStatusRulesVersion(): Promise<number> {
  const row = await db.storedStatusRules.findUnique({ where: { id: ROW_ID }, select: { version: true } });
  return row?.version ?? UNVERSIONED;
}

/** Records that every stored status follows `version` (after a full repair). */
export async function markStoredStatusRules(version: number = RULES_VERSION): Promise<void> {
  await db.storedStatusRules.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, version }, update: { version }, select: { id: true } });
}

export interface RulesUpgradeResult {
  from: number;
  to: number;
  report: RepairReport;
}

/**
 * Recomputes every stored status when they were computed under older rules; returns what it did,
 * or null when they are current. A failure leaves the version as it was, so the next start retries.
 */
export async function recomputeStatusesIfRulesChanged(options: RepairOptions = {}): Promise<RulesUpgradeResult | null> {
  const from = await storedStatusRulesVersion();
  if (from >= RULES_VERSION) return null;
  const report = await repairStatuses(options);
  await markStoredStatusRules(RULES_VERSION);
  return { from, to: RULES_VERSION, report };
}
