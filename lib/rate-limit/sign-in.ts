// Sign-in attempts, counted per account (email) and per source address in the database, before the
// password is checked (so parallel guesses cannot all pass a check made before any was counted).
// After SLOW_AFTER attempts within the window every further attempt waits a little (slows guessing
// to a crawl without bothering someone who mistyped twice); the BLOCK_AFTER-th is the last to be
// checked, after it the account or address is refused outright (429) for BLOCK_MS. A successful
// sign-in clears the account's count and takes its own attempt off the address's.
import { RateLimitedError } from "@/lib/errors/app-errors";
import { db } from "@/lib/db/client";
import { clearBucket, readBucket } from "./buckets";

/** Mutable so that tests can shorten the delay; the production values are these. */
export const signInLimits = {
  windowMs: 15 * 60_000,
  slowAfter: 5,
  slowDelayMs: 1_000,
  blockAfter: 10,
  blockMs: 15 * 60_000,
};

function keys(email: string, address: string | undefined): string[] {
  return [`signin:account:${email.trim().toLowerCase()}`, ...(address ? [`signin:address:${address}`] : [])];
}

/**
 * The verdict the next attempt would get, without counting it: throws RateLimitedError while the
 * account or address is blocked; otherwise the slow-down delay (0 or slowDelayMs).
 */
export async function signInGate(email: string, address: string | undefined, now = new Date()): Promise<{ delayMs: number }> {
  let failures = 0;
  for (const key of keys(email, address)) {
    const bucket = await readBucket(key);
    if (!bucket) continue;
    if (bucket.blockedUntil && bucket.blockedUntil > now) {
      throw new RateLimitedError(Math.ceil((bucket.blockedUntil.getTime() - now.getTime()) / 1000), "Too many sign-in attempts.");
    }
    if (now.getTime() - bucket.windowStart.getTime() < signInLimits.windowMs) failures = Math.max(failures, bucket.count);
  }
  return { delayMs: failures >= signInLimits.slowAfter ? signInLimits.slowDelayMs : 0 };
}

/**
 * Counts one attempt against the address, then the account, before any password is checked: one
 * INSERT … ON CONFLICT … DO UPDATE … RETURNING per key, so parallel attempts each get their own
 * number and at most `blockAfter` of them within a window are let through to a password check
 * (the rest, and every attempt while blocked, throw RateLimitedError). The attempt that reaches
 * `blockAfter` blocks the key for `blockMs`. Answers the slow-down delay for this attempt.
 * A successful sign-in then calls signInSucceeded; a failure needs nothing more (it was counted).
 */
export async function claimSignInAttempt(email: string, address: string | undefined, now = new Date()): Promise<{ delayMs: number }> {
  const [accountKey, addressKey] = keys(email, address);
  let highest = 0;
  if (addressKey) highest = await claimOrThrow(addressKey, now);
  try {
    highest = Math.max(highest, await claimOrThrow(accountKey!, now));
  } catch (error) {
    // No password was checked: the address is not charged for the account's block.
    if (addressKey) await releaseAttempt(addressKey);
    throw error;
  }
  return { delayMs: highest > signInLimits.slowAfter ? signInLimits.slowDelayMs : 0 };
}

async function claimOrThrow(key: string, now: Date): Promise<number> {
  const edge = new Date(now.getTime() - signInLimits.windowMs);
  const blockUntil = new Date(now.getTime() + signInLimits.blockMs);
  const blockAfter = signInLimits.blockAfter;
  // "blocked": a block still running (counts go on, the block is not extended); "expired": the
  // window is over and nothing blocks, so counting starts again.
  const rows = await db.$queryRaw<{ count: number; blockedUntil: Date | null }[]>`
    INSERT INTO "RateLimitBucket" AS b ("key", "windowStart", "count", "blockedUntil", "updatedAt")
    VALUES (${key}, ${now}, 1, CASE WHEN 1 >= ${blockAfter}::int THEN ${blockUntil}::timestamptz END, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN b."windowStart" <= ${edge}::timestamptz AND NOT COALESCE(b."blockedUntil" > ${now}::timestamptz, false)
                           THEN ${now}::timestamptz ELSE b."windowStart" END,
      "count" = CASE WHEN b."windowStart" <= ${edge}::timestamptz AND NOT COALESCE(b."blockedUntil" > ${now}::timestamptz, false)
                     THEN 1 ELSE b."count" + 1 END,
      "blockedUntil" = CASE
        WHEN COALESCE(b."blockedUntil" > ${now}::timestamptz, false) THEN b."blockedUntil"
        WHEN (CASE WHEN b."windowStart" <= ${edge}::timestamptz THEN 1 ELSE b."count" + 1 END) >= ${blockAfter}::int
        THEN ${blockUntil}::timestamptz
        END,
      "updatedAt" = ${now}::timestamptz
    RETURNING "count", "blockedUntil"`;
  const row = rows[0]!;
  const count = Number(row.count);
  if (count > blockAfter) {
    const until = row.blockedUntil ?? blockUntil;
    throw new RateLimitedError(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)), "Too many sign-in attempts.");
  }
  return count;
}

/** Gives back one counted attempt (it made no password check, or the password was right). */
async function releaseAttempt(key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET
      "count" = GREATEST("count" - 1, 0),
      "blockedUntil" = CASE WHEN "count" - 1 < ${signInLimits.blockAfter}::int THEN NULL ELSE "blockedUntil" END
    WHERE "key" = ${key}`;
}

/** A correct password clears the account's count, and gives the address back this attempt only
 * (one good account must not launder an address that is guessing at others). */
export async function signInSucceeded(email: string, address: string | undefined): Promise<void> {
  const [accountKey, addressKey] = keys(email, address);
  await clearBucket(accountKey!);
  if (addressKey) await releaseAttempt(addressKey);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
