// Who is asking. Pages and server actions call requireActor(); API route handlers call
// requireApiActor(request). Both re-check the user in the database, so a deactivated user, a user
// moved to another clinic, or a session ended by sign-out or a password change (the user's
// sessionVersion moved on) loses access at once, not when the cookie expires.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { UnauthenticatedError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";
import type { Actor, Role } from "./actor";
import { actorForBearerToken } from "./api-tokens";
import { parseCookieHeader, readSessionClaims, type SessionClaims } from "./session-token";

/** The signed-in clinician, with what the app shell shows. */
export interface SessionActor extends Actor {
  via: "session";
  name: string;
  email: string;
  role: Role;
  clinicName: string;
}

type ActorRow = { id: string; clinicId: string; role: Role; name: string; email: string; active: boolean; sessionVersion: number; clinicName: string };

async function actorFromClaims(claims: SessionClaims | null, sourceAddress?: string): Promise<SessionActor | null> {
  if (!claims || !isUuid(claims.userId)) return null;
  // Every page and session API request asks this: one statement with the clinic joined (the ORM
  // sends the user and its clinic as two queries).
  const [user] = await db.$queryRaw<ActorRow[]>`
    SELECT u."id", u."clinicId", u."role"::text AS "role", u."name", u."email", u."active", u."sessionVersion", c."name" AS "clinicName"
      FROM "User" u JOIN "Clinic" c ON c."id" = u."clinicId"
     WHERE u."id" = ${claims.userId}::uuid`;
  // A session issued before the user's last sign-out, password change or deactivation has ended.
  if (!user || !user.active || user.clinicId !== claims.clinicId || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    userId: user.id,
    clinicId: user.clinicId,
    role: user.role,
    via: "session",
    name: user.name,
    email: user.email,
    clinicName: user.clinicName,
    sourceAddress,
  };
}

/** The session's actor for this render, or null. Cached per request (layout and page share it). */
export const currentActor = cache(async (): Promise<SessionActor | null> => {
  const claims = await readSessionClaims(await cookies());
  return actorFromClaims(claims, addressFromHeaders(await headers()));
});

/** For server components and server actions: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<SessionActor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

/** The client's address as the reverse proxy reports it (first X-Forwarded-For hop, or X-Real-IP). */
function addressFromHeaders(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || undefined;
  return headers.get("x-real-ip") ?? undefined;
}

/**
 * For admin-only pages and their server actions: a clinician gets the not-found page, exactly as
 * for a record of another clinic (the page's existence is not advertised). The API's admin-only
 * routes answer 403 forbidden instead, as the clinic-wide export already does.
 */
export async function requireAdmin(): Promise<SessionActor> {
  const actor = await requireActor();
  if (actor.role !== "admin") notFound();
  return actor;
}

export function sourceAddressOf(request: Request): string | undefined {
  return addressFromHeaders(request.headers);
}

/**
 * For route handlers: `Authorization: Bearer <token>` (a personal API token) when present,
 * otherwise the session cookie. Throws UnauthenticatedError when neither identifies an active user.
 */
export async function requireApiActor(request: Request): Promise<Actor> {
  const sourceAddress = sourceAddressOf(request);
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const actor = match ? await actorForBearerToken(match[1]!, sourceAddress) : undefined;
    if (!actor) throw new UnauthenticatedError("The API token is not valid, or has been revoked.");
    return actor;
  }
  const claims = await readSessionClaims(parseCookieHeader(request.headers.get("cookie")));
  const actor = await actorFromClaims(claims, sourceAddress);
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
