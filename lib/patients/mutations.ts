// Creating and editing patients (archive and restore are edits of `archived`; a patient is never
// deleted). Each write runs in one transaction with its audit event.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/app-errors";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/validation/db-errors";
import { isUuid, parseInput } from "@/lib/validation/parse";
import { patientSelect, toPatientView, type PatientView } from "./queries";
import { refreshPatientStatus, storedColumnsFor } from "./evaluation";
import { WRITE_TRANSACTION } from "./lock";
import { patientCreateSchema, patientUpdateSchema, PATIENT_UPDATE_FIELDS, type PatientUpdate } from "./schemas";


function mrnConflict(mrn: string): ConflictError {
  return new ConflictError(`Another patient in this clinic already has MRN ${mrn}.`, [
    { path: "mrn", message: `MRN ${mrn} is already used by another patient of this clinic` },
  ]);
}

/** A YYYY-MM-DD string as the DATE column's value (midnight UTC). */
function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** A corrected birth date may not fall after a recorded visit (it would date the visit before birth). */
async function assertNoVisitBeforeBirth(tx: Prisma.TransactionClient, clinicId: string, patientId: string, birthDate: string) {
  const first = await tx.assessment.findFirst({
    where: { clinicId, patientId, deletedAt: null },
    orderBy: { takenAt: "asc" },
    select: { takenAt: true },
  });
  // Compared by calendar day in UTC, one day of slack for visits recorded with a western offset.
  if (first && first.takenAt.getTime() < Date.parse(`${birthDate}T00:00:00Z`) - 24 * 3600_000) {
    const visitDay = first.takenAt.toISOString().slice(0, 10);
    throw new ValidationError([{ path: "birthDate", message: `birthDate ${birthDate} is after the patient's first visit (${visitDay})` }]);
  }
}

async function assertMrnFree(tx: Prisma.TransactionClient, clinicId: string, mrn: string | null | undefined, exceptId?: string) {
  if (!mrn) return;
  // Letter case does not make another record number: "sdc-1001" beside "SDC-1001" would be the same
  // patient twice. (The unique index stays exact; this check is what refuses the case variant.)
  // Two transactions with case variants of one new MRN would both find it free, and the exact
  // index lets both in; so the check first takes a lock on the MRN as the check sees it (clinic,
  // lower case) until commit: the second waits, then finds the first one's row.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`mrn:${clinicId}:${mrn.toLowerCase()}`}, 0))::text`;
  // lower() = lower(), not Prisma's case-insensitive mode: that is ILIKE, where "_" and "%" in an
  // MRN would match other characters.
  const taken = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text FROM "Patient"
    WHERE "clinicId" = ${clinicId}::uuid AND lower("mrn") = lower(${mrn})
      AND (${exceptId ?? null}::uuid IS NULL OR "id" <> ${exceptId ?? null}::uuid)
    LIMIT 1`;
  if (taken.length > 0) throw mrnConflict(mrn);
}

export async function createPatient(actor: Actor, input: unknown): Promise<PatientView> {
  const data = parseInput(patientCreateSchema, input);
  const mrn = data.mrn ?? null;
  try {
    return await db.$transaction(async (tx) => {
      await assertMrnFree(tx, actor.clinicId, mrn);
      // No visits yet: the stored evaluation of an empty history goes in with the row.
      const stored = storedColumnsFor({
        patient: { heightCm: data.heightCm, sex: data.sex, birthDate: data.birthDate },
        assessments: [],
      });
      const row = await tx.patient.create({
        data: {
          clinicId: actor.clinicId,
          givenName: data.givenName,
          familyName: data.familyName,
          birthDate: dateOnly(data.birthDate),
          sex: data.sex,
          heightCm: data.heightCm,
          mrn,
          diagnosisSide: data.diagnosisSide,
          status: stored.status,
          visitChanges: stored.visitChanges as unknown as Prisma.InputJsonValue,
          evaluation: stored.evaluation as unknown as Prisma.InputJsonValue,
          rulesVersion: stored.rulesVersion,
        },
        select: patientSelect,
      });
      const view = toPatientView(row);
      await recordAudit(tx, actor, {
        action: "patient.create",
        entityType: "Patient",
        entityId: row.id,
        details: { patient: { ...view } },
      });
      return view;
    }, WRITE_TRANSACTION);
  } catch (error) {
    // Two requests with one new MRN: the unique index lets one in; the other is the same 409.
    if (mrn && isUniqueViolation(error)) throw mrnConflict(mrn);
    throw error;
  }
}

type EditableField = Exclude<keyof PatientUpdate, "archived">;

/** Edits fields and/or archives (`archived: true`) or restores (`archived: false`) a patient. */
export async function updatePatient(actor: Actor, id: string, patch: unknown): Promise<PatientView> {
  const data = parseInput(patientUpdateSchema, patch);
  if (!isUuid(id)) throw new NotFoundError("patient");
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.patient.findFirst({ where: { id, clinicId: actor.clinicId }, select: patientSelect });
      if (!before) throw new NotFoundError("patient");
      const old = toPatientView(before);

      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of PATIENT_UPDATE_FIELDS) {
        if (field === "archived") continue;
        const next = data[field as EditableField];
        if (next !== undefined && next !== old[field]) changes[field] = { from: old[field], to: next };
      }
      const archiveChange = data.archived !== undefined && data.archived !== old.archived ? data.archived : undefined;
      if (Object.keys(changes).length === 0 && archiveChange === undefined) return old;

      if (changes.mrn) await assertMrnFree(tx, actor.clinicId, data.mrn, id);
      if (changes.birthDate) await assertNoVisitBeforeBirth(tx, actor.clinicId, id, data.birthDate!);
      let row = await tx.patient.update({
        where: { id },
        data: {
          ...(changes.givenName ? { givenName: data.givenName } : {}),
          ...(changes.familyName ? { familyName: data.familyName } : {}),
          ...(changes.birthDate ? { birthDate: dateOnly(data.birthDate!) } : {}),
          ...(changes.sex ? { sex: data.sex } : {}),
          ...(changes.heightCm ? { heightCm: data.heightCm } : {}),
          ...(changes.mrn ? { mrn: data.mrn ?? null } : {}),
          ...(changes.diagnosisSide ? { diagnosisSide: data.diagnosisSide } : {}),
          ...(archiveChange !== undefined ? { archived: archiveChange } : {}),
        },
        select: patientSelect,
      });
      // Height (BMI), sex and age are inputs of the flag engine: the stored status follows them.
      if (changes.heightCm || changes.sex || changes.birthDate) {
        await refreshPatientStatus(tx, actor.clinicId, id);
        row = await tx.patient.findFirstOrThrow({ where: { id, clinicId: actor.clinicId }, select: patientSelect });
      }
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, actor, { action: "patient.update", entityType: "Patient", entityId: id, details: { changes } as Prisma.InputJsonValue });
      }
      if (archiveChange !== undefined) {
        await recordAudit(tx, actor, {
          action: archiveChange ? "patient.archive" : "patient.restore",
          entityType: "Patient",
          entityId: id,
          details: { changes: { archived: { from: old.archived, to: archiveChange } } },
        });
      }
      return toPatientView(row);
    }, WRITE_TRANSACTION);
  } catch (error) {
    if (data.mrn && isUniqueViolation(error)) throw mrnConflict(data.mrn);
    throw error;
  }
}
