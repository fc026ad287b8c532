// PATCH  /api/v1/treatments/{id}: the end date, dose, injection agent/count, details and the
//        response at review (kind and start stay as recorded); audited with before and after.
// DELETE /api/v1/treatments/{id}: soft-deletes a treatment event recorded in error.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { readJsonBody } from "@/lib/http/body";
import { deleteTreatment, updateTreatment } from "@/lib/treatments/mutations";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => updateTreatment(actor, id, (await readJsonBody(request)).value));
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => deleteTreatment(actor, id));
}

export const { GET, POST, PUT } = refuseOtherMethods(["PATCH", "DELETE"]);
