// Any /api/v1 path that no route serves: a JSON 404 in the contract's shape, whatever the method
// (Next would answer its HTML not-found page).
import { refusalOnly } from "@/lib/http/methods";
import { jsonResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

const notFound = refusalOnly(async (): Promise<Response> =>
  jsonResponse({ error: "not_found", message: "No such API endpoint. The endpoints are listed in docs/api.md.", issues: [] }, { status: 404 }),
);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
