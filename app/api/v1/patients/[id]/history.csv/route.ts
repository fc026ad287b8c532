// GET /api/v1/patients/{id}/history.csv: the patient's history as CSV (docs/api.md lists the columns).
import { handleApi } from "@/lib/http/api";
import { refuseOtherMethods } from "@/lib/http/methods";
import { recordAuditNow } from "@/lib/audit/record";
import { patientRecordCsv } from "@/lib/exports/record-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const csv = await patientRecordCsv(actor, id, "history");
    await recordAuditNow(actor, { action: "export.patient_history_csv", entityType: "Patient", entityId: id });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="history-${id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
