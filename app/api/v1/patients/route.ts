// GET  /api/v1/patients?q=&page=&pageSize=&includeArchived=&sort=&status= : the clinic's patients, with status.
// POST /api/v1/patients: create one (201).
import { handleApi } from "@/lib/http/api";
import { jsonResponse } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { listPatients } from "@/lib/patients/queries";
import { createPatient } from "@/lib/patients/mutations";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(request, async (actor) => {
    const params = new URL(request.url).searchParams;
    const archived = params.get("includeArchived");
    return listPatients(actor, {
      q: params.get("q") ?? undefined,
      page: params.get("page") ?? undefined,
      pageSize: params.get("pageSize") ?? undefined,
      includeArchived: archived === "true" || archived === "1",
      sort: (params.get("sort") ?? undefined) as "name" | undefined,
      status: (params.get("status") ?? undefined) as "none" | undefined,
    });
  });
}

export function POST(request: Request): Promise<Response> {
  return handleApi(request, async (actor) => {
    const body = await readJsonBody(request);
    return jsonResponse(await createPatient(actor, body.value), { status: 201 });
  });
}
