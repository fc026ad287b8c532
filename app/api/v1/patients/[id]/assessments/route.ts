// GET  /api/v1/patients/{id}/assessments[?includeDeleted=true]: the visits, oldest first, with measures.
// POST /api/v1/patients/{id}/assessments: record one; an Idempotency-Key header makes a retry safe.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { jsonResponse } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { queryFlag } from "@/lib/http/query";
import { listAssessments } from "@/lib/assessments/queries";
import { recordAssessment } from "@/lib/assessments/mutations";
import { parseAssessmentInput } from "@/lib/assessments/input";
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER, requestFingerprint, withIdempotency } from "@/lib/idempotency/with-idempotency";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    return listAssessments(actor, id, { includeDeleted: queryFlag(new URL(request.url).searchParams, "includeDeleted") });
  });
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const body = await readJsonBody(request);
    const fingerprint = requestFingerprint("POST", new URL(request.url).pathname, body.value);
    const result = await withIdempotency(
      actor,
      request.headers.get(IDEMPOTENCY_HEADER),
      fingerprint,
      async (tx) => ({ status: 201, body: await recordAssessment(actor, id, body.value, tx) }),
      () => parseAssessmentInput(body.value),
    );
    return jsonResponse(result.body, { status: result.status, headers: result.replayed ? { [REPLAYED_HEADER]: "true" } : {} });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
