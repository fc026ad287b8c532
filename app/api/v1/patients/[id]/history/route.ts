// GET /api/v1/patients/{id}/history: the patient's clinical history (onsets, comorbidities,
//     medications, investigations); the empty history when none was recorded.
// PUT /api/v1/patients/{id}/history: replace it (absent fields = not recorded); audited.
import { handleApi } from "@/lib/http/api";
import { readJsonBody } from "@/lib/http/body";
import { getPatientHistory } from "@/lib/patients/history/queries";
import { updatePatientHistory } from "@/lib/patients/history/mutations";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, (actor) => getPatientHistory(actor, id));
}

export async function PUT(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => updatePatientHistory(actor, id, (await readJsonBody(request)).value));
}
