// GET    /api/v1/assessments/{id}: one visit (deleted ones too, marked).
// PATCH  /api/v1/assessments/{id}: correct a visit { reason, takenAt?, measures, redFlags, notes? }.
// DELETE /api/v1/assessments/{id}: delete a visit, body { reason }; an admin can restore it.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { readJsonBody } from "@/lib/http/body";
import { getAssessment } from "@/lib/assessments/queries";
import { amendAssessment, deleteAssessment } from "@/lib/assessments/mutations";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => getAssessment(actor, id));
}

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => amendAssessment(actor, id, (await readJsonBody(request)).value));
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => deleteAssessment(actor, id, (await readJsonBody(request)).value));
}

export const { POST, PUT } = refuseOtherMethods(["GET", "PATCH", "DELETE"]);
