// One audit event per write, in the same transaction as the write, so the trail can never
// disagree with the data (a rolled-back write leaves no event, a committed one always has one).
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Anything that runs SQL: a transaction client or the db client itself. */
export type AuditWriter = Pick<Prisma.TransactionClient, "$executeRaw">;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: AuditWriter, actor: Actor, entry: AuditEntry): Promise<void> {
  const details = { via: actor.via, ...(actor.tokenId ? { tokenId: actor.tokenId } : {}), ...asObject(entry.details) };
  // One plain INSERT (every write and every audited read ends with one): the ORM's create costs
  // about twice the CPU for the same statement. `at` is the moment of the event, as before, not
  // the transaction's start.
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("clinicId", "userId", "action", "entityType", "entityId", "at", "sourceAddress", "details")
    VALUES (${actor.clinicId}::uuid, ${actor.userId}::uuid, ${entry.action}, ${entry.entityType}, ${entry.entityId},
            ${new Date()}::timestamptz, ${actor.sourceAddress ?? null}, ${JSON.stringify(details)}::jsonb)`;
}

function asObject(details: Prisma.InputJsonValue | undefined): Record<string, Prisma.InputJsonValue> {
  if (details === undefined) return {};
  if (typeof details === "object" && details !== null && !Array.isArray(details)) return details as Record<string, Prisma.InputJsonValue>;
  return { value: details };
}

/**
 * For events that accompany a read (patient.read, exports, token.use): there is no write to share a
 * transaction with, so the event is written on its own. A failure to write it fails the request —
 * a read that cannot be audited is not served.
 */
export async function recordAuditNow(actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudit(db, actor, entry);
}
