// GET /api/v1/referrals/{id}/pdf: the note as a PDF made on the server (real, selectable text).
// `?size=letter` gives US Letter pages; A4 otherwise.
import { refuseOtherMethods } from "@/lib/http/methods";
import { handleApi } from "@/lib/http/api";
import { recordAuditNow } from "@/lib/audit/record";
import { renderReferralPdf } from "@/lib/referrals/pdf/render";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const size = new URL(request.url).searchParams.get("size")?.toLowerCase() === "letter" ? "LETTER" : "A4";
  return handleApi(request, async (actor) => {
    const pdf = await renderReferralPdf(actor, id, { size });
    await recordAuditNow(actor, { action: "export.referral_pdf", entityType: "Referral", entityId: id });
    return new Response(pdf.bytes, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${pdf.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
