// DELETE /api/v1/treatments/{id}: soft-deletes a treatment event recorded in error.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { deleteTreatment } from "@/lib/treatments/mutations";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => deleteTreatment(actor, id));
}

export const { GET, POST, PUT, PATCH } = refuseOtherMethods(["DELETE"]);
