// GET /api/v1/patients/{id}/flags: the flag engine's evaluation (contract section 2) of the patient.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { getPatientFlags } from "@/lib/assessments/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => getPatientFlags(actor, id));
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
