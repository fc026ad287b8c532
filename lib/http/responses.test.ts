import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors/app-errors";
import { createHandleApi, errorResponse, errorToBody } from "./responses";
import type { Actor } from "@/lib/auth/actor";

const actor: Actor = { userId: "u", clinicId: "c", role: "clinician", via: "session" };

describe("errorToBody", () => {
  it.each([
    [new ValidationError([{ path: "birthDate", message: "not a date" }]), 400, "validation"],
    [new UnauthenticatedError(), 401, "unauthenticated"],
    [new ForbiddenError(), 403, "forbidden"],
    [new NotFoundError("patient"), 404, "not_found"],
    [new ConflictError("MRN already used", [{ path: "mrn", message: "taken" }]), 409, "conflict"],
  ])("maps %s to %i %s", (error, status, code) => {
    const result = errorToBody(error);
    expect(result.status).toBe(status);
    expect(result.body.error).toBe(code);
    expect(result.body.message).toBe(error.message);
    expect(result.body.issues).toEqual(error.issues);
    expect(result.unexpected).toBe(false);
  });

  it("lists every bad field of a ZodError as a 400 validation error", () => {
    const schema = z.object({ heightCm: z.number().min(50), measures: z.array(z.object({ value: z.number() })) });
    const parsed = schema.safeParse({ heightCm: 10, measures: [{ value: 1 }, { value: "x" }] });
    expect(parsed.success).toBe(false);
    const result = errorToBody(parsed.error);
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("validation");
    expect(result.body.issues.map((issue) => issue.path)).toEqual(["heightCm", "measures[1].value"]);
  });

  it("answers anything else as a bare 500 without leaking the message", () => {
    const result = errorToBody(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=secret"));
    expect(result).toEqual({
      status: 500,
      body: { error: "internal", message: expect.not.stringContaining("ECONNREFUSED"), issues: [] },
      unexpected: true,
    });
  });
});

describe("errorResponse", () => {
  it("logs unexpected errors on the server only, and never sends the stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = new TypeError("Cannot read properties of undefined");
    const response = errorResponse(error, new Request("http://stride.test/api/v1/patients"));
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("TypeError");
    expect(text).not.toContain("at ");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("GET /api/v1/patients"), error);
    log.mockRestore();
  });

  it("asks for credentials on 401 and forbids caching", () => {
    const response = errorResponse(new UnauthenticatedError());
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("createHandleApi", () => {
  const request = new Request("http://stride.test/api/v1/patients");

  it("passes the actor to the handler and sends plain data as JSON", async () => {
    const handleApi = createHandleApi(async () => actor);
    const response = await handleApi(request, async (who) => ({ clinic: who.clinicId }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ clinic: "c" });
  });

  it("passes a Response from the handler through untouched", async () => {
    const handleApi = createHandleApi(async () => actor);
    const response = await handleApi(request, async () => new Response("a,b\n", { status: 201, headers: { "Content-Type": "text/csv" } }));
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("a,b\n");
  });

  it("answers 401 without running the handler when authentication fails", async () => {
    const handleApi = createHandleApi(async () => {
      throw new UnauthenticatedError();
    });
    const handler = vi.fn();
    const response = await handleApi(request, handler);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthenticated", message: expect.any(String), issues: [] });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns a thrown NotFoundError into the contract's 404", async () => {
    const handleApi = createHandleApi(async () => actor);
    const response = await handleApi(request, async () => {
      throw new NotFoundError("patient");
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: "No such patient.", issues: [] });
  });
});
