// GET  /api/v1/patients?q=&page=&pageSize=&includeArchived=&sort=&status= : the clinic's patients,
//      with status, as a JSON array (contract section 3); paging in headers: X-Total-Count, Link.
// POST /api/v1/patients: create one (201).
import { refuseOtherMethods } from "@/lib/http/methods";
import { queryFlag } from "@/lib/http/query";
import { handleApi } from "@/lib/http/api";
import { jsonResponse } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { MAX_PAGE_SIZE, listPatients } from "@/lib/patients/queries";
import { createPatient } from "@/lib/patients/mutations";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleApi(request, async (actor) => {
    const params = new URL(request.url).searchParams;
    const result = await listPatients(actor, {
      q: params.get("q") ?? undefined,
      page: params.get("page") ?? undefined,
      // Integrations usually want the whole list: the largest page unless they ask for less.
      pageSize: params.get("pageSize") ?? MAX_PAGE_SIZE,
      includeArchived: queryFlag(params, "includeArchived"),
      sort: (params.get("sort") ?? undefined) as "name" | undefined,
      status: (params.get("status") ?? undefined) as "none" | undefined,
    });
    return jsonResponse(result.items, { headers: pagingHeaders(request, result) });
  });
}

/** X-Total-Count, X-Page, X-Page-Size and an RFC 8288 Link header with rel="next"/"prev". */
function pagingHeaders(request: Request, page: { total: number; page: number; pageSize: number }): Record<string, string> {
  const links: string[] = [];
  const linkTo = (n: number, rel: string) => {
    const url = new URL(request.url);
    url.searchParams.set("page", String(n));
    url.searchParams.set("pageSize", String(page.pageSize));
    links.push(`<${url.pathname}${url.search}>; rel="${rel}"`);
  };
  if (page.page * page.pageSize < page.total) linkTo(page.page + 1, "next");
  if (page.page > 1) linkTo(page.page - 1, "prev");
  return {
    "X-Total-Count": String(page.total),
    "X-Page": String(page.page),
    "X-Page-Size": String(page.pageSize),
    ...(links.length ? { Link: links.join(", ") } : {}),
  };
}

export function POST(request: Request): Promise<Response> {
  return handleApi(request, async (actor) => {
    const body = await readJsonBody(request);
    return jsonResponse(await createPatient(actor, body.value), { status: 201 });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
