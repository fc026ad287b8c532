// next-auth (v4) configuration: email + password, sessions as a signed, encrypted JWT cookie
// (nothing kept in server memory, so several app servers can share one database).
import type { AuthOptions, User as NextAuthUser } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/users/passwords";
import { RateLimitedError } from "@/lib/errors/app-errors";
import { claimSignInAttempt, signInSucceeded, sleep } from "@/lib/rate-limit/sign-in";
import { signInRateLimitCode } from "./sign-in-errors";
import type { Role } from "./actor";
import { authSecret, claimsFromToken, SESSION_MAX_AGE_SECONDS } from "./session-token";
import { endAllSessions, sessionIsCurrent } from "./revocation";

declare module "next-auth" {
  interface User {
    clinicId: string;
    role: Role;
    clinicName: string;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; clinicId: string; role: Role; clinicName: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    clinicId?: string;
    role?: Role;
    clinicName?: string;
    sessionVersion?: number;
    signedInAt?: number;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(3).max(320).refine((e) => !e.includes("\u0000")),
  password: z.string().min(1).max(256),
});

function sourceAddressOf(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0]!.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real ? real : undefined;
}

async function recordSignIn(
  outcome: "success" | "failure",
  user: { id: string; clinicId: string } | null,
  sourceAddress: string | undefined,
): Promise<void> {
  try {
    await db.auditEvent.create({
      data: {
        clinicId: user?.clinicId ?? null,
        userId: user?.id ?? null,
        action: `auth.signin.${outcome}`,
        entityType: user ? "User" : null,
        entityId: user?.id ?? null,
        sourceAddress: sourceAddress ?? null,
      },
      select: { id: true },
    });
  } catch (error) {
    // The audit trail must not decide whether someone can sign in; log and carry on.
    console.error("[stride] could not record sign-in audit event:", error);
  }
}

/**
 * Checks an email and password. Unknown emails, inactive users and wrong passwords all take one
 * argon2 verification and all answer null, so neither timing nor the message tells them apart.
 * Failures are counted per account and address (lib/rate-limit/sign-in.ts): slowed after a few,
 * then RateLimitedError until the block ends.
 */
export async function authenticateWithPassword(
  rawEmail: unknown,
  rawPassword: unknown,
  sourceAddress?: string,
): Promise<NextAuthUser | null> {
  const parsed = credentialsSchema.safeParse({ email: rawEmail, password: rawPassword });
  if (!parsed.success) {
    await verifyPassword(await dummyPasswordHash(), "x");
    return null;
  }
  const { email, password } = parsed.data;
  // Counts this attempt first (atomically); throws RateLimitedError past the limit or while the
  // account or address is blocked: no password check at all.
  const { delayMs } = await claimSignInAttempt(email, sourceAddress);
  if (delayMs) await sleep(delayMs);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      clinicId: true,
      name: true,
      email: true,
      role: true,
      active: true,
      sessionVersion: true,
      passwordHash: true,
      clinic: { select: { name: true } },
    },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || !user.active) {
    await recordSignIn("failure", user ? { id: user.id, clinicId: user.clinicId } : null, sourceAddress);
    return null;
  }
  await signInSucceeded(email, sourceAddress);
  await recordSignIn("success", user, sourceAddress);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    clinicId: user.clinicId,
    role: user.role,
    clinicName: user.clinic.name,
    sessionVersion: user.sessionVersion,
  };
}

class SessionEndedError extends Error {
  override name = "SessionEndedError";
  constructor() {
    super("The session has ended (signed out, password changed, deactivated, or older than 12 hours).");
  }
}

export const authOptions: AuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        try {
          return await authenticateWithPassword(
            credentials?.email,
            credentials?.password,
            sourceAddressOf(req?.headers as Record<string, unknown> | undefined),
          );
        } catch (error) {
          // next-auth passes a thrown message to the client as `error`; the sign-in form reads it.
          if (error instanceof RateLimitedError) throw new Error(signInRateLimitCode(error.retryAfterSeconds));
          throw error;
        }
      },
    }),
  ],
  events: {
    // Signing out ends this session and every other one of the user (a copied cookie included).
    async signOut({ token }) {
      const claims = claimsFromToken(token as Record<string, unknown> | null);
      if (claims) await endAllSessions(db, claims.userId);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is an expected answer (an empty session), not a server error.
      if (code === "JWT_SESSION_ERROR" && (metadata as { name?: string } | undefined)?.name === "SessionEndedError") return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn: (code) => console.warn(`[next-auth][warn][${code}]`),
    debug: () => undefined,
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.clinicId = user.clinicId;
        token.role = user.role;
        token.name = user.name;
        token.clinicName = user.clinicName;
        token.sessionVersion = user.sessionVersion;
        token.signedInAt = Math.floor(Date.now() / 1000);
        return token;
      }
      // GET /api/auth/session re-issues the cookie: an expired (12 h from sign-in, whatever the
      // refreshes) or ended session is refused instead, and next-auth then clears the cookie.
      const claims = claimsFromToken(token as Record<string, unknown>);
      if (!claims || !(await sessionIsCurrent(claims))) throw new SessionEndedError();
      return token;
    },
    async session({ session, token }) {
      const claims = claimsFromToken(token as Record<string, unknown>);
      if (claims) {
        session.user = {
          id: claims.userId,
          name: claims.name,
          email: typeof token.email === "string" ? token.email : "",
          clinicId: claims.clinicId,
          role: claims.role,
          clinicName: claims.clinicName,
        };
      }
      return session;
    },
    // Only ever redirect within this site, whatever host or port it is reached on.
    async redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === new URL(baseUrl).origin) return url;
      } catch {
        // fall through
      }
      return baseUrl;
    },
  },
};
