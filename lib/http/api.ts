// handleApi(request, async (actor) => ...) for route handlers under /api/v1: authenticates with
// the session cookie or a bearer token, refuses cross-site cookie writes, counts the request
// against the per-token rate limit, and answers errors as the contract's JSON.
import { requireApiActor } from "@/lib/auth/session";
import { enforceApiRateLimit } from "@/lib/rate-limit/api";
import { createHandleApi } from "./responses";
import { assertNotCrossSite } from "./same-origin";

export const handleApi = createHandleApi(async (request) => {
  const actor = await requireApiActor(request);
  assertNotCrossSite(request, actor);
  await enforceApiRateLimit(actor);
  return actor;
});
