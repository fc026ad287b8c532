// POST /api/v1/referrals/{id}/supersede: a new draft version of a final note (201). The old note
// becomes superseded when the new version is finalised.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { jsonResponse } from "@/lib/http/responses";
import { supersedeReferral } from "@/lib/referrals/mutations";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const referral = await supersedeReferral(actor, id);
    return jsonResponse(referral, { status: 201, headers: { Location: `/api/v1/referrals/${referral.id}` } });
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
