// GET /api/v1/patients?q=&page=&pageSize=&includeArchived= : the clinic's patients, with status.
import { handleApi } from "@/lib/http/api";
import { listPatients } from "@/lib/patients/queries";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(request, async (actor) => {
    const params = new URL(request.url).searchParams;
    const archived = params.get("includeArchived");
    return listPatients(actor, {
      q: params.get("q") ?? undefined,
      page: params.get("page") ?? undefined,
      pageSize: params.get("pageSize") ?? undefined,
      includeArchived: archived === "true" || archived === "1",
    });
  });
}
