// One audit event per write, in the same transaction as the write, so the trail can never
// disagree with the data (a rolled-back write leaves no event, a committed one always has one).
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      sourceAddress: actor.sourceAddress ?? null,
      details: { via: actor.via, ...(actor.tokenId ? { tokenId: actor.tokenId } : {}), ...asObject(entry.details) },
    },
    select: { id: true },
  });
}

function asObject(details: Prisma.InputJsonValue | undefined): Record<string, Prisma.InputJsonValue> {
  if (details === undefined) return {};
  if (typeof details === "object" && details !== null && !Array.isArray(details)) return details as Record<string, Prisma.InputJsonValue>;
  return { value: details };
}
