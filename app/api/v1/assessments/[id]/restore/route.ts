// POST /api/v1/assessments/{id}/restore: undo a visit's deletion (admins only; 403 otherwise).
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { restoreAssessment } from "@/lib/assessments/mutations";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => restoreAssessment(actor, id));
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
