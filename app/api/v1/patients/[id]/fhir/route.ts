// GET /api/v1/patients/{id}/fhir: the patient as a FHIR R4 Bundle (type collection).
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { recordAuditNow } from "@/lib/audit/record";
import { jsonResponse } from "@/lib/http/responses";
import { exportPatientBundle } from "@/lib/fhir/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const bundle = await exportPatientBundle(actor, id);
    await recordAuditNow(actor, { action: "export.fhir", entityType: "Patient", entityId: id });
    return jsonResponse(bundle, { headers: { "Content-Type": "application/fhir+json; charset=utf-8" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
