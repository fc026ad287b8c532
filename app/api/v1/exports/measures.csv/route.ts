// GET /api/v1/exports/measures.csv: every measure value of the clinic, admins only (403 forbidden
// for clinicians). Columns: patientId, then the per-patient export's columns.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { recordAuditNow } from "@/lib/audit/record";
import { clinicMeasuresCsvStream } from "@/lib/exports/measures";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleApi(request, async (actor) => {
    const stream = clinicMeasuresCsvStream(actor);
    await recordAuditNow(actor, { action: "export.clinic_csv", entityType: "Clinic", entityId: actor.clinicId });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="measures-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
