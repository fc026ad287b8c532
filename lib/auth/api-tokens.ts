// Personal API tokens. The secret is shown once; only its SHA-256 is stored, so a database leak
// does not hand out working tokens. SHA-256 (not argon2) is right here: tokens are 256-bit random.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { Actor } from "./actor";

const TOKEN_PREFIX = "stride_";

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface CreatedToken {
  id: string;
  secret: string;
  prefix: string;
}

/** Creates a token for a user identified by email (operator CLI) and returns the secret once. */
export async function createApiTokenForEmail(email: string, name = "cli"): Promise<CreatedToken> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, clinicId: true, active: true },
  });
  if (!user || !user.active) throw new NotFoundError(`active user with email ${email}`);
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = secret.slice(0, TOKEN_PREFIX.length + 6);
  const token = await db.apiToken.create({
    data: { clinicId: user.clinicId, userId: user.id, name, tokenHash: hashToken(secret), prefix },
    select: { id: true },
  });
  return { id: token.id, secret, prefix };
}

/** Resolves a bearer token to its actor; revoked tokens and deactivated users resolve to nothing. */
export async function actorForBearerToken(secret: string, sourceAddress?: string): Promise<Actor | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, clinicId: true, role: true, active: true } } },
  });
  if (!token || token.revokedAt || !token.user.active) return undefined;
  // Recording every use would write on every request; once a minute is enough to see activity.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  }
  return {
    userId: token.user.id,
    clinicId: token.user.clinicId,
    role: token.user.role,
    via: "token",
    tokenId: token.id,
    sourceAddress,
  };
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  const result = await db.apiToken.updateMany({
    where: {
      id: tokenId,
      clinicId: actor.clinicId,
      revokedAt: null,
      ...(actor.role === "admin" ? {} : { userId: actor.userId }),
    },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw new NotFoundError("API token");
}
