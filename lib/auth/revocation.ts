// Ending sessions. Sessions are signed cookies (nothing kept on the server), so each carries the
// user's sessionVersion from sign-in; raising the version ends every session issued before, on its
// next request (requireActor / requireApiActor compare it, and so does GET /api/auth/session).
import { db, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionClaims } from "./session-token";

/** Ends every existing session of the user (sign-out, a password change, deactivation). */
export async function endAllSessions(client: Db | Prisma.TransactionClient, userId: string): Promise<void> {
  await client.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Whether a session's user is still active, in the same clinic, and the session not ended since. */
export async function sessionIsCurrent(claims: SessionClaims): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { active: true, clinicId: true, sessionVersion: true } });
  return !!user && user.active && user.clinicId === claims.clinicId && user.sessionVersion === claims.sessionVersion;
}
