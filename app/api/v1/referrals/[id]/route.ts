// GET /api/v1/referrals/{id}: the note as JSON (its sections as text).
// PATCH: edit a draft's sections and comment; a final note answers 409 conflict.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { readJsonObject } from "@/lib/http/body";
import { updateReferral } from "@/lib/referrals/mutations";
import { getReferral } from "@/lib/referrals/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => getReferral(actor, id));
}

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const body = await readJsonObject(request);
    return updateReferral(actor, id, body.value);
  });
}

export const { POST, PUT, DELETE } = refuseOtherMethods(["GET", "PATCH"]);
