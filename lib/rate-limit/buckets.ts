// Fixed-window counters in the RateLimitBucket table, so every app server sees the same counts.
// One atomic INSERT … ON CONFLICT … DO UPDATE … RETURNING per hit: no read-modify-write race, no
// lock held across statements, and it works the same on PostgreSQL and the embedded PGlite.
import { db as defaultDb, type Db } from "@/lib/db/client";

export interface BucketState {
  count: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

export interface HitOptions {
  windowMs: number;
  /** When the count within the window reaches this, the bucket is blocked for blockMs. */
  blockAfter?: number;
  blockMs?: number;
  now?: Date;
}

/** Counts one event against `key` and returns the bucket as it now stands. */
/** `client` is for tests that stand in for a second app server with its own connection pool. */
export async function hitBucket(key: string, options: HitOptions, client: Db = defaultDb): Promise<BucketState> {
  const now = options.now ?? new Date();
  const windowEdge = new Date(now.getTime() - options.windowMs);
  // Without blocking, these never trigger: a count cannot reach 2^31.
  const blockAfter = options.blockAfter ?? 2_147_483_647;
  const blockUntil = new Date(now.getTime() + (options.blockMs ?? 0));
  const rows = await client.$queryRaw<{ count: number; windowStart: Date; blockedUntil: Date | null }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "blockedUntil", "updatedAt")
    VALUES (${key}, ${now}, 1, CASE WHEN 1 >= ${blockAfter}::int THEN ${blockUntil}::timestamptz END, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowEdge}::timestamptz
                           THEN ${now}::timestamptz ELSE "RateLimitBucket"."windowStart" END,
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowEdge}::timestamptz
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "blockedUntil" = CASE
        WHEN (CASE WHEN "RateLimitBucket"."windowStart" <= ${windowEdge}::timestamptz
                   THEN 1 ELSE "RateLimitBucket"."count" + 1 END) >= ${blockAfter}::int
        THEN ${blockUntil}::timestamptz
        ELSE "RateLimitBucket"."blockedUntil" END,
      "updatedAt" = ${now}::timestamptz
    RETURNING "count", "windowStart", "blockedUntil"`;
  const row = rows[0]!;
  return { count: Number(row.count), windowStart: row.windowStart, blockedUntil: row.blockedUntil };
}

/** The bucket's current state without counting, or undefined when it has never been hit. */
export async function readBucket(key: string): Promise<BucketState | undefined> {
  const row = await defaultDb.rateLimitBucket.findUnique({ where: { key }, select: { count: true, windowStart: true, blockedUntil: true } });
  return row ?? undefined;
}

/** Forgets a bucket (a successful sign-in clears the account's failures). */
export async function clearBucket(key: string): Promise<void> {
  await defaultDb.rateLimitBucket.deleteMany({ where: { key } });
}
