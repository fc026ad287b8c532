// Failed sign-ins, counted per account (email) and per source address in the database. After
// SLOW_AFTER failures within the window every further attempt waits a little (slows guessing to a
// crawl without bothering someone who mistyped twice); at BLOCK_AFTER the account or address is
// refused outright (429) for BLOCK_MS. A successful sign-in clears the account's count.
import { RateLimitedError } from "@/lib/errors/app-errors";
import { clearBucket, hitBucket, readBucket } from "./buckets";

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
 * Before checking a password: throws RateLimitedError while the account or address is blocked;
 * otherwise answers how long to wait before answering (0, or the slow-down delay).
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

export async function recordSignInFailure(email: string, address: string | undefined, now = new Date()): Promise<void> {
  for (const key of keys(email, address)) {
    await hitBucket(key, { windowMs: signInLimits.windowMs, blockAfter: signInLimits.blockAfter, blockMs: signInLimits.blockMs, now });
  }
}

/** A correct password clears the account's failures (not the address's: one good account must not
 * launder an address that is guessing at others). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await clearBucket(keys(email, undefined)[0]!);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
