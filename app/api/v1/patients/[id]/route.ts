// GET /api/v1/patients/{id}: one patient of the caller's clinic; 404 otherwise.
import { handleApi } from "@/lib/http/api";
import { getPatient } from "@/lib/patients/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => getPatient(actor, id));
}
