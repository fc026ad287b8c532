// Idempotency-Key for POSTs that create something. The key row is inserted FIRST in the same
// transaction as the write: the unique index (clinicId, userId, key) then makes a concurrent
// request with the same key wait for the first one's commit, fail, and replay its stored response.
// Key and write commit together or not at all, so a crash can't keep one without the other, and a
// failed request (400, 404, 409…) stores no key: the client may fix the body and retry with it.
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, ValidationError } from "@/lib/errors/app-errors";
import { isUniqueViolation } from "@/lib/validation/db-errors";
import { WRITE_TRANSACTION } from "@/lib/patients/lock";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
/** Keys are kept a day: long enough for any client's retries, short enough to purge. */
export const KEY_TTL_MS = 24 * 3600_000;

export interface IdempotentResult {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** Printable ASCII, 1 to 200 characters (the header's value as the client sent it). */
export function checkIdempotencyKey(key: string): string {
  if (key.length < 1 || key.length > 200 || !/^[\x20-\x7e]+$/.test(key)) {
    throw new ValidationError(
      [{ path: IDEMPOTENCY_HEADER, message: `${IDEMPOTENCY_HEADER} must be 1 to 200 printable ASCII characters` }],
      `The ${IDEMPOTENCY_HEADER} header is not valid.`,
    );
  }
  return key;
}

/** JSON with sorted keys, so the same object sent with another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** SHA-256 of method, path and body: what "the same request" means for a key. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest("hex");
}

function keyConflict(): ConflictError {
  return new ConflictError(`This ${IDEMPOTENCY_HEADER} was already used for a different request. Use a new key for a new request.`, [
    { path: IDEMPOTENCY_HEADER, message: "the key was used with a different request body" },
  ]);
}

async function storedResponse(actor: Actor, key: string, fingerprint: string): Promise<IdempotentResult | undefined> {
  const row = await db.idempotencyKey.findUnique({
    where: { clinicId_userId_key: { clinicId: actor.clinicId, userId: actor.userId, key } },
    select: { requestHash: true, status: true, response: true, createdAt: true },
  });
  if (!row || Date.now() - row.createdAt.getTime() > KEY_TTL_MS) return undefined;
  if (row.requestHash !== fingerprint) throw keyConflict();
  return { status: row.status, body: row.response, replayed: true };
}

/**
 * Runs `work` once per (user, key). `work` gets the transaction to write in and returns the status
 * and body to answer (and to store for replays).
 */
export async function withIdempotency(
  actor: Actor,
  key: string | null | undefined,
  fingerprint: string,
  work: (tx: Prisma.TransactionClient) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentResult> {
  if (key === null || key === undefined) {
    const result = await db.$transaction(work, WRITE_TRANSACTION);
    return { ...result, replayed: false };
  }
  checkIdempotencyKey(key);
  const earlier = await storedResponse(actor, key, fingerprint);
  if (earlier) return earlier;

  const scope = { clinicId: actor.clinicId, userId: actor.userId, key };
  try {
    const result = await db.$transaction(async (tx) => {
      // An expired row with this key would block the insert; it is past its promise anyway.
      await tx.idempotencyKey.deleteMany({ where: { ...scope, createdAt: { lt: new Date(Date.now() - KEY_TTL_MS) } } });
      const row = await tx.idempotencyKey.create({
        data: { ...scope, requestHash: fingerprint, status: 0, response: {} },
        select: { id: true },
      });
      const answer = await work(tx);
      await tx.idempotencyKey.update({
        where: { id: row.id },
        data: { status: answer.status, response: answer.body as Prisma.InputJsonValue },
        select: { id: true },
      });
      return answer;
    }, WRITE_TRANSACTION);
    return { ...result, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent request with this key committed first; our write was rolled back with our key.
    const winner = await storedResponse(actor, key, fingerprint);
    if (winner) return winner;
    throw error;
  }
}
