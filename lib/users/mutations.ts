// Creating users. The operator CLI calls this without an acting user (it runs with database
// access on the server); admin pages will call it with an Actor in a later change.
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors/app-errors";
import { hashPassword, passwordProblem } from "./passwords";
import type { Role } from "@/lib/auth/actor";

export interface NewUser {
  clinicName: string;
  email: string;
  name?: string;
  role: Role;
  password: string;
  registrationNumber?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createUserInClinic(input: NewUser): Promise<{ id: string; clinicId: string; clinicCreated: boolean }> {
  const email = input.email.trim().toLowerCase();
  const issues = [];
  if (!EMAIL.test(email)) issues.push({ path: "email", message: `"${input.email}" is not an email address` });
  if (!input.clinicName.trim()) issues.push({ path: "clinic", message: "clinic name is required" });
  const problem = passwordProblem(input.password);
  if (problem) issues.push({ path: "password", message: problem });
  if (issues.length) throw new ValidationError(issues);

  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.clinic.findUnique({ where: { name: input.clinicName.trim() }, select: { id: true } });
    const clinic = existing ?? (await tx.clinic.create({ data: { name: input.clinicName.trim() }, select: { id: true } }));
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (taken) throw new ValidationError([{ path: "email", message: `a user with email ${email} already exists` }]);
    const user = await tx.user.create({
      data: {
        clinicId: clinic.id,
        email,
        name: input.name?.trim() || email.split("@")[0]!,
        role: input.role,
        passwordHash,
        registrationNumber: input.registrationNumber,
      },
      select: { id: true, clinicId: true },
    });
    await tx.auditEvent.create({
      data: { clinicId: clinic.id, action: "user.create", entityType: "User", entityId: user.id, details: { via: "cli", role: input.role } },
    });
    return { ...user, clinicCreated: !existing };
  });
}
