// POST /api/v1/referrals/{id}/finalise: locks the draft and stamps who and when; 409 when it is
// not a draft.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { finaliseReferral } from "@/lib/referrals/mutations";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => finaliseReferral(actor, id));
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
