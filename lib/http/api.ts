// handleApi(request, async (actor) => ...) for route handlers under /api/v1: authenticates with
// the session cookie or a bearer token, and answers errors as the contract's JSON.
import { requireApiActor } from "@/lib/auth/session";
import { createHandleApi } from "./responses";

export const handleApi = createHandleApi(requireApiActor);
