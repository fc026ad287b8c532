// GET /api/v1/audit.csv: the clinic's audit trail as CSV (admins only; 403 forbidden for
// clinicians), with the audit page's filters as query parameters (userId, action, entityId,
// from, to). Streamed in batches, newest first. The download itself is audited (export.audit_csv).
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { recordAuditNow } from "@/lib/audit/record";
import { auditEventBatches, parseAuditFilter } from "@/lib/audit/queries";
import { ForbiddenError } from "@/lib/errors/app-errors";
import { csvHeader, csvRow } from "@/lib/exports/csv";

export const dynamic = "force-dynamic";

const COLUMNS = ["at", "userEmail", "userName", "action", "entityType", "entityId", "sourceAddress", "details"] as const;

export async function GET(request: Request): Promise<Response> {
  return handleApi(request, async (actor) => {
    if (actor.role !== "admin") throw new ForbiddenError("Only a clinic admin can export the audit trail.");
    const params = new URL(request.url).searchParams;
    const filter = parseAuditFilter(Object.fromEntries(["userId", "action", "entityId", "from", "to"].map((k) => [k, params.get(k) ?? undefined])));
    await recordAuditNow(actor, { action: "export.audit_csv", entityType: "Clinic", entityId: actor.clinicId, details: { filter } });
    const batches = auditEventBatches(actor, filter);
    const encoder = new TextEncoder();
    let headerSent = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(csvHeader(COLUMNS)));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        const text = next.value
          .map((e) =>
            csvRow([
              { date: e.at },
              { text: e.userEmail },
              { text: e.userName },
              { text: e.action },
              { text: e.entityType },
              { text: e.entityId },
              { text: e.sourceAddress },
              { text: e.details === null || e.details === undefined ? "" : JSON.stringify(e.details) },
            ]),
          )
          .join("");
        controller.enqueue(encoder.encode(text));
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
