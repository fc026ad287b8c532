// User management: admins create, reset, deactivate and revoke within their clinic only; users edit
// their own profile; deactivation and revocation take effect on the very next request; the
// password rule is length and a common-password check, nothing else. One audit event each.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticateWithPassword } from "@/lib/auth/options";
import { requireApiActor } from "@/lib/auth/session";
import { createApiTokenForActor, listOwnApiTokens, revokeAllApiTokensOfUser } from "@/lib/auth/api-tokens";
import { changeOwnPassword, createClinicUser, resetUserPassword, setUserActive, updateOwnProfile } from "@/lib/users/mutations";
import { listClinicUsers } from "@/lib/users/queries";
import { hashPassword, passwordProblem } from "@/lib/users/passwords";
import { actorFor, createClinicWithActor, createUser } from "./factories";

let admin: Awaited<ReturnType<typeof createClinicWithActor>>;
let otherAdmin: Awaited<ReturnType<typeof createClinicWithActor>>;
const bearer = (secret: string) => new Request("http://localhost/api/v1/patients", { headers: { authorization: `Bearer ${secret}` } });

async function auditActions(entityId: string) {
  return (await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);
}

beforeAll(async () => {
  admin = await createClinicWithActor("admin");
  otherAdmin = await createClinicWithActor("admin");
});

describe("password rule", () => {
  it.each([
    ["short pass", "at least 12"],
    ["password1234", "too common"],
    ["PasswordPassword", "too common"],
  ])("refuses %j", (password, message) => expect(passwordProblem(password)).toContain(message));

  it.each(["correct horse battery", "alllowercaseletters", "123456789013", "ñandú en la pampa"])("accepts %j without composition rules", (password) =>
    expect(passwordProblem(password)).toBeUndefined(),
  );
});

describe("admin user management", () => {
  it("creates a clinician in the admin's clinic who can sign in with the temporary password", async () => {
    const email = `new-${admin.clinic.id}@clinic.test`;
    const { id } = await createClinicUser(admin.actor, { email, name: "New Clinician", role: "clinician", password: "temporary pass 1", registrationNumber: "HCPC-1" });
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { clinicId: true, role: true, registrationNumber: true } })).toEqual({
      clinicId: admin.clinic.id,
      role: "clinician",
      registrationNumber: "HCPC-1",
    });
    expect(await authenticateWithPassword(email, "temporary pass 1")).toMatchObject({ id });
    expect(await auditActions(id)).toEqual(["user.create", "auth.signin.success"]);
  });

  it("refuses weak passwords, duplicate emails and clinicians, storing nothing", async () => {
    const before = await db.user.count();
    await expect(createClinicUser(admin.actor, { email: `weak-${admin.clinic.id}@x.test`, name: "W", role: "clinician", password: "short" })).rejects.toMatchObject({ status: 400 });
    await expect(createClinicUser(admin.actor, { email: admin.user.email, name: "D", role: "clinician", password: "long enough password" })).rejects.toMatchObject({ status: 409 });
    const clinician = await createUser(admin.clinic.id);
    await expect(createClinicUser(actorFor(clinician), { email: `c-${admin.clinic.id}@x.test`, name: "C", role: "admin", password: "long enough password" })).rejects.toMatchObject({ status: 403 });
    expect(await db.user.count()).toBe(before + 1); // only the clinician made above
  });

  it("resets a password: the old one stops working, the new one works", async () => {
    const email = `reset-${admin.clinic.id}@clinic.test`;
    const { id } = await createClinicUser(admin.actor, { email, name: "R", role: "clinician", password: "first password here" });
    await resetUserPassword(admin.actor, { userId: id, password: "second password here" });
    expect(await authenticateWithPassword(email, "first password here")).toBeNull();
    expect(await authenticateWithPassword(email, "second password here")).toMatchObject({ id });
    expect((await auditActions(id)).filter((a) => a === "user.password_reset")).toHaveLength(1);
  });

  it("deactivation takes effect on the next request (token and sign-in), reactivation restores it", async () => {
    const user = await createUser(admin.clinic.id);
    const token = await createApiTokenForActor(actorFor(user), "t");
    await expect(requireApiActor(bearer(token.secret))).resolves.toMatchObject({ userId: user.id });
    await setUserActive(admin.actor, user.id, false);
    await expect(requireApiActor(bearer(token.secret))).rejects.toMatchObject({ status: 401 });
    await setUserActive(admin.actor, user.id, true);
    await expect(requireApiActor(bearer(token.secret))).resolves.toMatchObject({ userId: user.id });
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a.startsWith("user."))).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("revoking a user's tokens takes effect on the next request", async () => {
    const user = await createUser(admin.clinic.id);
    const tokens = [await createApiTokenForActor(actorFor(user), "a"), await createApiTokenForActor(actorFor(user), "b")];
    expect(await revokeAllApiTokensOfUser(admin.actor, user.id)).toBe(2);
    for (const token of tokens) await expect(requireApiActor(bearer(token.secret))).rejects.toMatchObject({ status: 401 });
    expect((await listOwnApiTokens(actorFor(user))).every((t) => t.revokedAt)).toBe(true);
  });

  it("cannot touch users of another clinic (404), nor deactivate itself", async () => {
    const foreign = await createUser(otherAdmin.clinic.id);
    await expect(setUserActive(admin.actor, foreign.id, false)).rejects.toMatchObject({ status: 404 });
    await expect(resetUserPassword(admin.actor, { userId: foreign.id, password: "long enough password" })).rejects.toMatchObject({ status: 404 });
    await expect(revokeAllApiTokensOfUser(admin.actor, foreign.id)).rejects.toMatchObject({ status: 404 });
    await expect(setUserActive(admin.actor, admin.user.id, false)).rejects.toMatchObject({ status: 400 });
    expect((await listClinicUsers(admin.actor)).map((u) => u.id)).not.toContain(foreign.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: foreign.id }, select: { active: true } })).toEqual({ active: true });
  });

  it("never lists password hashes", async () => {
    const users = await listClinicUsers(admin.actor);
    expect(JSON.stringify(users)).not.toContain("passwordHash");
    expect(JSON.stringify(users)).not.toContain("not-a-real-hash");
  });
});

describe("own profile", () => {
  it("updates name and registration number of the caller only", async () => {
    const user = await createUser(admin.clinic.id);
    await updateOwnProfile(actorFor(user), { name: "  Dr New Name ", registrationNumber: "PT-42" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, registrationNumber: true } })).toEqual({
      name: "Dr New Name",
      registrationNumber: "PT-42",
    });
    await updateOwnProfile(actorFor(user), { name: "Dr New Name", registrationNumber: "" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { registrationNumber: true } })).registrationNumber).toBeNull();
    await expect(updateOwnProfile(actorFor(user), { name: "" })).rejects.toMatchObject({ status: 400 });
    expect((await auditActions(user.id)).filter((a) => a === "user.profile_update")).toHaveLength(2);
  });
});

describe("own password", () => {
  it("changes the caller's password given the current one; the old one stops working", async () => {
    const email = `change-${admin.clinic.id}@clinic.test`;
    const user = await createUser(admin.clinic.id, { email, passwordHash: await hashPassword("first password here") });
    await changeOwnPassword(actorFor(user), { currentPassword: "first password here", newPassword: "a brand new phrase", confirmPassword: "a brand new phrase" });
    expect(await authenticateWithPassword(email, "first password here")).toBeNull();
    expect(await authenticateWithPassword(email, "a brand new phrase")).toMatchObject({ id: user.id });
    expect(await auditActions(user.id)).toContain("user.password_change");
  });

  it("names the field for a wrong current password, a weak or repeated new one, and a mismatch, changing nothing", async () => {
    const email = `refuse-${admin.clinic.id}@clinic.test`;
    const passwordHash = await hashPassword("the current password");
    const user = await createUser(admin.clinic.id, { email, passwordHash });
    const attempt = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changeOwnPassword(actorFor(user), { currentPassword, newPassword, confirmPassword });
    await expect(attempt("not the password", "a brand new phrase")).rejects.toMatchObject({
      status: 400,
      issues: [{ path: "currentPassword", message: "the current password is not correct" }],
    });
    await expect(attempt("the current password", "short")).rejects.toMatchObject({ status: 400, issues: [{ path: "newPassword", message: expect.stringContaining("at least 12") }] });
    await expect(attempt("the current password", "password1234")).rejects.toMatchObject({ issues: [{ path: "newPassword", message: expect.stringContaining("too common") }] });
    await expect(attempt("the current password", "a brand new phrase", "a brand new phrasE")).rejects.toMatchObject({
      issues: [{ path: "confirmPassword", message: "the two new passwords are not the same" }],
    });
    await expect(attempt("the current password", "the current password")).rejects.toMatchObject({
      issues: [{ path: "newPassword", message: "the new password must differ from the current one" }],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash).toBe(passwordHash);
    expect(await auditActions(user.id)).toEqual(["user.password_change_refused"]);
  });
});
