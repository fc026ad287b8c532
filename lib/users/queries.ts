// Reading users for the admin and profile pages. Never selects the password hash.
import { db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors/app-errors";

export interface ClinicUserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  registrationNumber: string | null;
  liveTokens: number;
}

/** Admin: the clinic's users, active first, by name. */
export async function listClinicUsers(actor: Actor): Promise<ClinicUserView[]> {
  if (actor.role !== "admin") throw new ForbiddenError("Only a clinic admin can list users.");
  const users = await db.user.findMany({
    where: { clinicId: actor.clinicId },
    orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      registrationNumber: true,
      _count: { select: { apiTokens: { where: { revokedAt: null } } } },
    },
  });
  return users.map(({ _count, ...user }) => ({ ...user, liveTokens: _count.apiTokens }));
}

/** The acting user's own profile. */
export async function getOwnProfile(actor: Actor) {
  return db.user.findFirstOrThrow({
    where: { id: actor.userId, clinicId: actor.clinicId },
    select: { id: true, name: true, email: true, role: true, registrationNumber: true },
  });
}
