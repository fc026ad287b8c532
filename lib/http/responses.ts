// One place that turns errors into the contract's error JSON (contract section 3):
// { "error": CODE, "message": TEXT, "issues": [{ "path": "...", "message": "..." }] }.
// Unexpected errors are logged on the server and answered with a bare 500: no stack, no SQL.
import { ZodError } from "zod";
import { AppError, RateLimitedError, ValidationError, type FieldIssue } from "@/lib/errors/app-errors";
import { searchParamIssues } from "@/lib/validation/untrusted-text";
import type { Actor } from "@/lib/auth/actor";
import { zodIssues } from "@/lib/validation/parse";

export interface ErrorBody {
  error: string;
  message: string;
  issues: FieldIssue[];
}

/** API answers carry clinical data: never cache them in shared or browser caches. */
const NO_STORE = { "Cache-Control": "no-store" } as const;

/** The status and body for any thrown value; `unexpected` says whether it deserves a log line. */
export function errorToBody(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: error.code, message: error.message, issues: error.issues }, unexpected: false };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: { error: "validation", message: "Some fields are not valid.", issues: zodIssues(error) },
      unexpected: false,
    };
  }
  return {
    status: 500,
    body: { error: "internal", message: "Something went wrong on the server. Please try again.", issues: [] },
    unexpected: true,
  };
}

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  for (const [key, value] of Object.entries(NO_STORE)) if (!headers.has(key)) headers.set(key, value);
  return Response.json(data, { ...init, headers });
}

export function errorResponse(error: unknown, request?: Request): Response {
  const { status, body, unexpected } = errorToBody(error);
  if (unexpected) {
    const where = request ? `${request.method} ${new URL(request.url).pathname}` : "request";
    console.error(`[stride] unexpected error in ${where}:`, error);
  }
  const headers: Record<string, string> = {};
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="stride"';
  if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
  return jsonResponse(body, { status, headers });
}

export type Authenticate = (request: Request) => Promise<Actor>;

/**
 * Route-handler wrapper: authenticates the request (session cookie or bearer token), runs the
 * handler with the actor, and turns whatever it throws into the contract's error JSON. A handler
 * returns a Response, or plain data that is sent as JSON with status 200.
 */
export function createHandleApi(authenticate: Authenticate) {
  return async function handleApi(request: Request, handler: (actor: Actor) => Promise<unknown>): Promise<Response> {
    try {
      // The proxy refuses these first; route handlers check again, whoever calls them.
      const queryIssues = searchParamIssues(new URL(request.url).searchParams);
      if (queryIssues.length) throw new ValidationError(queryIssues);
      const actor = await authenticate(request);
      const result = await handler(actor);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
