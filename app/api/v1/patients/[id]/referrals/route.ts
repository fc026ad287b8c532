// POST /api/v1/patients/{id}/referrals: a referral note draft assembled from the current flags and
// trends (201). GET: the patient's notes, newest first.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { jsonResponse } from "@/lib/http/responses";
import { readJsonObject } from "@/lib/http/body";
import { createReferral } from "@/lib/referrals/mutations";
import { listReferrals } from "@/lib/referrals/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => ({ items: await listReferrals(actor, id) }));
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const body = await readJsonObject(request);
    const referral = await createReferral(actor, id, body.value);
    return jsonResponse(referral, { status: 201, headers: { Location: `/api/v1/referrals/${referral.id}` } });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
