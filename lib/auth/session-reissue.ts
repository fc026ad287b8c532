// After changing their own password a user's sessions all end (lib/auth/revocation.ts); the one
// they changed it from is issued again under the new sessionVersion, so they stay signed in here
// while every other copy of the old cookie stops working. Same sign-in time: no longer lifetime.
import { cookies } from "next/headers";
import { encode, getToken } from "next-auth/jwt";
import { authSecret, SESSION_COOKIE_NAMES, SESSION_MAX_AGE_SECONDS } from "./session-token";

export async function reissueCurrentSession(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const secret = authSecret();
  const secureCookie = jar.getAll().some((c) => c.name.startsWith(SESSION_COOKIE_NAMES[0]));
  if (!secret) return;
  const token = await getToken({
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: new Headers() } as unknown as Parameters<typeof getToken>[0]["req"],
    secureCookie,
    secret,
  });
  if (!token || typeof token.signedInAt !== "number") return;
  const remaining = Math.floor(token.signedInAt + SESSION_MAX_AGE_SECONDS - Date.now() / 1000);
  if (remaining <= 0) return;
  const value = await encode({ token: { ...token, sessionVersion }, secret, maxAge: remaining });
  jar.set(secureCookie ? SESSION_COOKIE_NAMES[0] : SESSION_COOKIE_NAMES[1], value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookie,
    expires: new Date(Date.now() + remaining * 1000),
  });
}
