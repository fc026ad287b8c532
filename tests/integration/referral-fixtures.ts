// Fixtures for the referral, export and FHIR integration tests: a clinic with a token-holding user
// who has a registration number, and a patient with a stored history (including a deleted visit
// and a treatment event), written straight through the client.
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/auth/api-tokens";
import type { Actor, Role } from "@/lib/auth/actor";

export async function clinicUserWithToken(role: Role = "clinician") {
  const clinic = await db.clinic.create({ data: { name: `Referral Clinic ${randomUUID().slice(0, 8)}` }, select: { id: true, name: true } });
  const user = await db.user.create({
    data: {
      clinicId: clinic.id,
      email: `ref-${randomUUID()}@clinic.test`,
      name: "Dr Ada Referrer",
      role,
      passwordHash: "not-a-real-hash",
      registrationNumber: "PT-555001",
    },
    select: { id: true, clinicId: true, role: true, name: true },
  });
  const secret = `stride_${randomBytes(32).toString("base64url")}`;
  await db.apiToken.create({ data: { clinicId: clinic.id, userId: user.id, name: "test", tokenHash: hashToken(secret), prefix: secret.slice(0, 13) } });
  const actor: Actor = { userId: user.id, clinicId: clinic.id, role: user.role, via: "token" };
  return { clinic, user, token: secret, actor };
}

export interface StoredVisit {
  takenAt: string;
  redFlags?: string[];
  deleted?: boolean;
  notes?: string;
  measures: { code: string; side: "left" | "right" | "none"; value: number; method?: string }[];
}

export async function patientWithHistory(clinicId: string, raterId: string, visits: StoredVisit[], options: { mrn?: string; diagnosisSide?: "left" | "right" | "both" } = {}) {
  const patient = await db.patient.create({
    data: {
      clinicId,
      givenName: "Priya",
      familyName: `Raman-${randomUUID().slice(0, 4)}`,
      birthDate: new Date("1964-11-23"),
      sex: "female",
      heightCm: 160,
      mrn: options.mrn ?? null,
      diagnosisSide: options.diagnosisSide ?? "right",
    },
    select: { id: true, givenName: true, familyName: true },
  });
  for (const v of visits) {
    await db.assessment.create({
      data: {
        clinicId,
        patientId: patient.id,
        raterId,
        takenAt: new Date(v.takenAt),
        redFlags: v.redFlags ?? [],
        notes: v.notes ?? null,
        deletedAt: v.deleted ? new Date() : null,
        measures: { create: v.measures.map((m) => ({ clinicId, code: m.code, side: m.side, value: m.value, method: m.method ?? null })) },
      },
      select: { id: true },
    });
  }
  await db.treatmentEvent.create({
    data: { clinicId, patientId: patient.id, kind: "orthoses", text: "custom orthoses, 3 mm medial post", occurredAt: new Date(visits[0]!.takenAt), createdById: raterId },
  });
  return patient;
}

/** Calls a route handler as Next would (params as a Promise), with a bearer token. */
export async function callRoute(
  handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  method: string,
  options: { token?: string; id?: string; json?: unknown; query?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost/api/v1/test${options.query ? `?${options.query}` : ""}`, {
    method,
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
  });
  return handler(request, { params: Promise.resolve({ id: options.id ?? "" }) });
}
