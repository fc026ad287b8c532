import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { claimsFromToken, hasSessionCookie, parseCookieHeader, readSessionClaims } from "./session-token";

const SECRET = "test-secret-test-secret-test-secret";
const signedInAt = Math.floor(Date.now() / 1000) - 60;
const claims = { userId: "u1", clinicId: "c1", role: "clinician" as const, name: "Dr Demo", clinicName: "Stride Demo Clinic", sessionVersion: 0, signedInAt };

describe("session cookie helpers", () => {
  beforeEach(() => {
    process.env.AUTH_SECRET = SECRET;
  });
  afterEach(() => {
    delete process.env.AUTH_SECRET;
  });

  it("parses a Cookie header", () => {
    expect(parseCookieHeader("a=1; next-auth.session-token=x%3Dy; a=2")).toEqual({ a: "1", "next-auth.session-token": "x=y" });
    expect(parseCookieHeader(null)).toEqual({});
  });

  it("sees plain, secure and chunked session cookies", () => {
    expect(hasSessionCookie({ "next-auth.session-token": "x" })).toBe(true);
    expect(hasSessionCookie({ "__Secure-next-auth.session-token.0": "x" })).toBe(true);
    expect(hasSessionCookie({ "next-auth.csrf-token": "x" })).toBe(false);
  });

  it("reads the claims of a valid token under either cookie name", async () => {
    const token = await encode({ token: claims, secret: SECRET });
    expect(await readSessionClaims({ "next-auth.session-token": token })).toEqual(claims);
    expect(await readSessionClaims({ "__Secure-next-auth.session-token": token })).toEqual(claims);
  });

  it("rejects a token signed with another secret, an expired one, or garbage", async () => {
    const foreign = await encode({ token: claims, secret: "another-secret-another-secret-xx" });
    expect(await readSessionClaims({ "next-auth.session-token": foreign })).toBeNull();
    const expired = await encode({ token: claims, secret: SECRET, maxAge: -60 });
    expect(await readSessionClaims({ "next-auth.session-token": expired })).toBeNull();
    expect(await readSessionClaims({ "next-auth.session-token": "garbage" })).toBeNull();
    expect(await readSessionClaims({})).toBeNull();
  });

  it("requires the ids and a known role", () => {
    expect(claimsFromToken({ ...claims, role: "superuser" })).toBeNull();
    expect(claimsFromToken({ clinicId: "c1", role: "admin" })).toBeNull();
    expect(claimsFromToken({ userId: "u", clinicId: "c", role: "admin", sessionVersion: 2, signedInAt })).toEqual({
      userId: "u",
      clinicId: "c",
      role: "admin",
      name: "",
      clinicName: "",
      sessionVersion: 2,
      signedInAt,
    });
  });

  it("ends a session 12 h after sign-in, however recently its cookie was re-issued, and refuses tokens without a version", async () => {
    const now = Date.now();
    const at = (hoursAgo: number) => Math.floor(now / 1000 - hoursAgo * 3600);
    expect(claimsFromToken({ ...claims, signedInAt: at(11.9) }, now)).not.toBeNull();
    expect(claimsFromToken({ ...claims, signedInAt: at(12) }, now)).toBeNull();
    // A cookie re-issued a minute ago by GET /api/auth/session (fresh JWT expiry) but signed in 13 h ago.
    const refreshed = await encode({ token: { ...claims, signedInAt: at(13) }, secret: SECRET, maxAge: 12 * 3600 });
    expect(await readSessionClaims({ "next-auth.session-token": refreshed })).toBeNull();
    const { sessionVersion: _v, signedInAt: _s, ...legacy } = claims;
    expect(claimsFromToken(legacy)).toBeNull();
  });
});
