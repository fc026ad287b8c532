// Methods a route does not implement answer a JSON 405 with `Allow` (Next's own 405 has neither a
// body nor the header). Each route.ts ends with
//   export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
// naming the methods it implements; lib/http/methods.test.ts checks every route does.
import { jsonResponse } from "./responses";

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

type Handler = ((request: Request) => Promise<Response>) & { answersOnlyRefusals?: true };

/** Marks a handler that serves nothing (a 405 or the unknown-path 404), so the authorization
 * table's route discovery (tests/integration/authorization.integration.test.ts) can skip it. */
export function refusalOnly<H extends (...args: never[]) => Promise<Response>>(handler: H): H & { answersOnlyRefusals: true } {
  return Object.assign(handler, { answersOnlyRefusals: true as const });
}

export function allowHeader(allowed: readonly ApiMethod[]): string {
  const list: string[] = [...allowed];
  if (allowed.includes("GET")) list.push("HEAD");
  list.push("OPTIONS");
  return list.join(", ");
}

export function methodNotAllowed(method: string, allowed: readonly ApiMethod[]): Response {
  const allow = allowHeader(allowed);
  return jsonResponse(
    { error: "method_not_allowed", message: `${method} is not supported here; use ${allow}.`, issues: [] },
    { status: 405, headers: { Allow: allow } },
  );
}

/** A 405 handler for every method; a route destructures the ones it does not implement. */
export function refuseOtherMethods(allowed: readonly ApiMethod[]): Record<ApiMethod, Handler> {
  const refuse: Handler = refusalOnly(async (request: Request) => methodNotAllowed(request.method, allowed));
  return Object.fromEntries(API_METHODS.map((method) => [method, refuse])) as Record<ApiMethod, Handler>;
}
