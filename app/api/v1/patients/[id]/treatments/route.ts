// GET  /api/v1/patients/{id}/treatments[?includeDeleted=true]: treatment events, newest first.
// POST /api/v1/patients/{id}/treatments: record one { kind, text?, occurredAt }.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { jsonResponse } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { queryFlag } from "@/lib/http/query";
import { listTreatments } from "@/lib/treatments/queries";
import { recordTreatment } from "@/lib/treatments/mutations";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    return listTreatments(actor, id, { includeDeleted: queryFlag(new URL(request.url).searchParams, "includeDeleted") });
  });
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const body = await readJsonBody(request);
    return jsonResponse(await recordTreatment(actor, id, body.value), { status: 201 });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
