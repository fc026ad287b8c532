// Personal API tokens. The secret is shown once; only its SHA-256 is stored, so a database leak
// does not hand out working tokens. SHA-256 (not argon2) is right here: tokens are 256-bit random.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors/app-errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor, Role } from "./actor";

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
  const { secret, prefix } = newSecret();
  const token = await db.apiToken.create({
    data: { clinicId: user.clinicId, userId: user.id, name, tokenHash: hashToken(secret), prefix },
    select: { id: true },
  });
  return { id: token.id, secret, prefix };
}

type TokenRow = { id: string; revokedAt: Date | null; lastUsedAt: Date | null; userId: string; clinicId: string; role: Role; active: boolean };

/** Resolves a bearer token to its actor; revoked tokens and deactivated users resolve to nothing. */
export async function actorForBearerToken(secret: string, sourceAddress?: string): Promise<Actor | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  // Every API request asks this: one statement with the user joined (the ORM sends two).
  const [token] = await db.$queryRaw<TokenRow[]>`
    SELECT t."id"::text AS "id", t."revokedAt", t."lastUsedAt", u."id"::text AS "userId", u."clinicId"::text AS "clinicId",
           u."role"::text AS "role", u."active"
      FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
     WHERE t."tokenHash" = ${hashToken(secret)}`;
  if (!token || token.revokedAt || !token.active) return undefined;
  const actor: Actor = {
    userId: token.userId,
    clinicId: token.clinicId,
    role: token.role,
    via: "token",
    tokenId: token.id,
    sourceAddress,
  };
  // Recording every use would write on every request; once a minute is enough to see activity.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOKEN_USE_INTERVAL_MS) await recordTokenUse(actor, token.id);
  return actor;
}

const TOKEN_USE_INTERVAL_MS = 60_000;

/**
 * Stamps lastUsedAt and writes one `token.use` event, at most once a minute per token. One SQL
 * statement (an UPDATE feeding an INSERT) so it is atomic without an interactive transaction, and
 * the conditional UPDATE decides the race: of concurrent requests, only the one that moved
 * lastUsedAt writes the event, on every server. The row has the shape recordAudit writes.
 */
async function recordTokenUse(actor: Actor, tokenId: string): Promise<void> {
  const now = new Date();
  const edge = new Date(now.getTime() - TOKEN_USE_INTERVAL_MS);
  const details = JSON.stringify({ via: actor.via, tokenId });
  await db.$executeRaw`
    WITH stamped AS (
      UPDATE "ApiToken" SET "lastUsedAt" = ${now}::timestamptz
      WHERE id = ${tokenId}::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= ${edge}::timestamptz)
      RETURNING id
    )
    INSERT INTO "AuditEvent" ("clinicId", "userId", action, "entityType", "entityId", at, "sourceAddress", details)
    SELECT ${actor.clinicId}::uuid, ${actor.userId}::uuid, 'token.use', 'ApiToken', id::text, ${now}::timestamptz,
           ${actor.sourceAddress ?? null}, ${details}::jsonb
    FROM stamped`;
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.apiToken.updateMany({
      where: {
        id: tokenId,
        clinicId: actor.clinicId,
        revokedAt: null,
        ...(actor.role === "admin" ? {} : { userId: actor.userId }),
      },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw new NotFoundError("API token");
    await recordAudit(tx, actor, { action: "token.revoke", entityType: "ApiToken", entityId: tokenId });
  });
}

function newSecret(): { secret: string; prefix: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, TOKEN_PREFIX.length + 6) };
}

/** A token for the acting user (profile page); the secret is returned once and never stored. */
export async function createApiTokenForActor(actor: Actor, name: string): Promise<CreatedToken> {
  const { secret, prefix } = newSecret();
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: { clinicId: actor.clinicId, userId: actor.userId, name, tokenHash: hashToken(secret), prefix },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "token.create", entityType: "ApiToken", entityId: token.id, details: { name } });
    return { id: token.id, secret, prefix };
  });
}

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The acting user's own tokens, newest first (never the hash). */
export async function listOwnApiTokens(actor: Actor): Promise<TokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { clinicId: actor.clinicId, userId: actor.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Admin: revokes every live token of a user of the clinic; answers how many were revoked. */
export async function revokeAllApiTokensOfUser(actor: Actor, userId: string): Promise<number> {
  if (actor.role !== "admin") throw new ForbiddenError("Only a clinic admin can revoke another user's tokens.");
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError("user");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, clinicId: actor.clinicId }, select: { id: true } });
    if (!user) throw new NotFoundError("user");
    const result = await tx.apiToken.updateMany({
      where: { clinicId: actor.clinicId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, actor, { action: "token.revoke_all", entityType: "User", entityId: userId, details: { revoked: result.count } });
    return result.count;
  });
}
