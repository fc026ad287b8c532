// Idempotency-Key for POSTs that create something. The key row is claimed FIRST in the same
// transaction as the write (INSERT … ON CONFLICT): the unique index (clinicId, userId, key) then
// makes a concurrent request with the same key wait for the first one's commit, find the key
// taken, and replay its stored response.
// Key and write commit together or not at all, so a crash can't keep one without the other, and a
// failed request (400, 404, 409…) stores no key: the client may fix the body and retry with it.
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, ValidationError } from "@/lib/errors/app-errors";
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

/**
 * Printable ASCII, 1 to 200 characters (the header's value as the client sent it). A bad key is a
 * 400 that also lists what `validateBody` finds wrong with the body, so one answer names every bad
 * field; a body check that needs the database (the patient's birth date, say) comes after the key.
 */
export function checkIdempotencyKey(key: string, validateBody?: () => unknown): string {
  if (key.length < 1 || key.length > 200 || !/^[\x20-\x7e]+$/.test(key)) {
    const issues = [{ path: IDEMPOTENCY_HEADER, message: `${IDEMPOTENCY_HEADER} must be 1 to 200 printable ASCII characters` }];
    try {
      validateBody?.();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
    throw new ValidationError(issues, issues.length > 1 ? "Some fields are not valid." : `The ${IDEMPOTENCY_HEADER} header is not valid.`);
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
    select: { requestHash: true, status: true, response: true },
  });
  if (!row) return undefined;
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
  validateBody?: () => unknown,
): Promise<IdempotentResult> {
  if (key === null || key === undefined) {
    const result = await db.$transaction(work, WRITE_TRANSACTION);
    return { ...result, replayed: false };
  }
  checkIdempotencyKey(key, validateBody);
  const ttlSeconds = KEY_TTL_MS / 1000;
  // The first request with a key (the common case) costs one statement for the key: the claim
  // below, not a look-up, a purge and an insert.
  const result = await db.$transaction(async (tx) => {
    // Claims the key: a new row, or one past its day (taken over, as if purged). A live row, be it
    // committed earlier or by a concurrent request this insert waited for, is left as it is and
    // nothing is returned: that request's stored answer is replayed below.
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "IdempotencyKey" ("clinicId", "userId", "key", "requestHash", "status", "response")
      VALUES (${actor.clinicId}::uuid, ${actor.userId}::uuid, ${key}, ${fingerprint}, 0, '{}'::jsonb)
      ON CONFLICT ("clinicId", "userId", "key") DO UPDATE
        SET "requestHash" = EXCLUDED."requestHash", "status" = 0, "response" = '{}'::jsonb, "createdAt" = CURRENT_TIMESTAMP
        WHERE "IdempotencyKey"."createdAt" < CURRENT_TIMESTAMP - make_interval(secs => ${ttlSeconds})
      RETURNING "id"::text AS "id"`;
    const row = claimed[0];
    if (!row) return undefined;
    const answer = await work(tx);
    // The answer is JSON already (it is what the route sends); stored as such, in one plain UPDATE.
    await tx.$executeRaw`
      UPDATE "IdempotencyKey" SET "status" = ${answer.status}, "response" = ${JSON.stringify(answer.body ?? null)}::jsonb
       WHERE "id" = ${row.id}::uuid`;
    return answer;
  }, WRITE_TRANSACTION);
  if (result) return { ...result, replayed: false };
  const earlier = await storedResponse(actor, key, fingerprint);
  if (earlier) return earlier;
  // Claimed by nobody and stored by nobody: only a row removed in between (a purge) does this.
  throw new ConflictError(`This ${IDEMPOTENCY_HEADER} is being used by another request. Retry with the same key.`, [
    { path: IDEMPOTENCY_HEADER, message: "the key's request could not be read back" },
  ]);
}
