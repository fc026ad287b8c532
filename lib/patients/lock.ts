// Every write that changes a patient's history first locks the patient's row. Concurrent writes
// to one patient then run one after another, so each refreshPatientStatus sees the visits the
// others committed and the stored status always matches the full history (none is lost).
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { isUuid } from "@/lib/validation/parse";

/** Writes wait for the patient's row lock under concurrency; Prisma's defaults (2 s / 5 s) are tight. */
export const WRITE_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

export interface LockedPatient {
  id: string;
  archived: boolean;
  /** YYYY-MM-DD: no visit may be dated before it. */
  birthDate: string;
}

/**
 * Locks one patient of the actor's clinic for the rest of the transaction. A malformed id, a
 * missing patient and another clinic's patient are all NotFoundError; an archived patient is a
 * ConflictError unless `allowArchived`.
 */
export async function lockPatientForWrite(
  tx: Prisma.TransactionClient,
  actor: Actor,
  patientId: string,
  options: { allowArchived?: boolean } = {},
): Promise<LockedPatient> {
  if (!isUuid(patientId)) throw new NotFoundError("patient");
  const rows = await tx.$queryRaw<LockedPatient[]>`
    SELECT id::text AS id, archived, to_char("birthDate", 'YYYY-MM-DD') AS "birthDate" FROM "Patient"
    WHERE id = ${patientId}::uuid AND "clinicId" = ${actor.clinicId}::uuid
    FOR UPDATE`;
  const patient = rows[0];
  if (!patient) throw new NotFoundError("patient");
  if (patient.archived && !options.allowArchived) {
    throw new ConflictError("This patient is archived. Restore the patient before recording or changing visits.", [
      { path: "patient", message: "the patient is archived" },
    ]);
  }
  return patient;
}
