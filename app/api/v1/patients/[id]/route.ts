// GET   /api/v1/patients/{id}: one patient of the caller's clinic; 404 otherwise.
// PATCH /api/v1/patients/{id}: edit; `archived: true` hides without deleting, `false` restores.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { readJsonBody } from "@/lib/http/body";
import { readPatientAudited } from "@/lib/patients/queries";
import { updatePatient } from "@/lib/patients/mutations";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => readPatientAudited(actor, id));
}

export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => updatePatient(actor, id, (await readJsonBody(request)).value));
}

export const { POST, PUT, DELETE } = refuseOtherMethods(["GET", "PATCH"]);
