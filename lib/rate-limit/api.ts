// Requests per minute per API token (or per user for cookie-authenticated calls), contract
// section 1: API_RATE_LIMIT_PER_MIN, default 1200, 0 turns the limit off. Read on every call so
// an operator's change applies at the next start and tests can set it.
import type { Actor } from "@/lib/auth/actor";
import { RateLimitedError } from "@/lib/errors/app-errors";
import { hitBucket } from "./buckets";

const WINDOW_MS = 60_000;
const DEFAULT_PER_MIN = 1200;

export function apiRateLimitPerMinute(): number {
  const raw = process.env.API_RATE_LIMIT_PER_MIN;
  if (raw === undefined || raw.trim() === "") return DEFAULT_PER_MIN;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_PER_MIN;
}

export async function enforceApiRateLimit(actor: Actor, now = new Date()): Promise<void> {
  const limit = apiRateLimitPerMinute();
  if (limit === 0) return;
  const key = actor.tokenId ? `api:token:${actor.tokenId}` : `api:user:${actor.userId}`;
  const bucket = await hitBucket(key, { windowMs: WINDOW_MS, now });
  if (bucket.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((bucket.windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
    throw new RateLimitedError(retryAfter, `More than ${limit} requests in a minute with this token. Try again in ${retryAfter} s.`);
  }
}
