// GET /api/v1/patients/{id}/assessments.csv: every measure value of the patient, one row each,
// oldest first (contract section 3): takenAt,code,side,value,unit,method,rater.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { recordAuditNow } from "@/lib/audit/record";
import { patientMeasuresCsvFor } from "@/lib/exports/measures";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const csv = await patientMeasuresCsvFor(actor, id);
    await recordAuditNow(actor, { action: "export.patient_csv", entityType: "Patient", entityId: id });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="assessments-${id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
