// GET /api/v1/health: no authentication. Answers 200 only when the database answers a query.
import { refuseOtherMethods } from "@/lib/http/methods";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const result = await checkDatabase();
  return Response.json(result.ok ? { status: "ok", database: result.database } : { status: "error", database: result.database }, {
    status: result.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
