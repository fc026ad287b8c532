// Bad input is a 400 (or 415/404/405), never a 500 (issue 14): the JSON body reader, the query
// string check in the proxy, the JSON 404 for unknown API paths and the JSON 405 on every route.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { readJsonBody, MAX_JSON_DEPTH } from "./body";
import { API_METHODS, refuseOtherMethods } from "./methods";
import { errorToBody } from "./responses";
import { jsonNestingExceeds, untrustedValueIssues } from "@/lib/validation/untrusted-text";
import * as unknownApiPath from "@/app/api/v1/[...path]/route";
import { proxy } from "@/proxy";

function post(body: string, contentType: string | null = "application/json") {
  return new Request("http://localhost/api/v1/patients", { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeDefined();
  return errorToBody(error);
}

describe("JSON bodies", () => {
  it("refuses a NUL character in any string or key, naming the field", async () => {
    const body = JSON.stringify({ givenName: "Ada\u0000", measures: [{ code: "x", notes: "a\u0000b" }], ["ke\u0000y"]: 1 });
    const { status, body: answer } = await refusal(readJsonBody(post(body)));
    expect(status).toBe(400);
    expect(answer.error).toBe("validation");
    expect(answer.issues).toEqual([
      { path: "givenName", message: "must not contain a NUL character" },
      { path: "measures[0].notes", message: "must not contain a NUL character" },
      { path: "body", message: "a field name must not contain a NUL character" },
    ]);
  });

  it("treats a __proto__ key as an unknown field", async () => {
    const { status, body } = await refusal(readJsonBody(post('{"givenName":"Ada","__proto__":{"role":"admin"}}')));
    expect(status).toBe(400);
    expect(body.issues).toEqual([{ path: "__proto__", message: "unknown field" }]);
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels before parsing it`, async () => {
    const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect((await readJsonBody(post(`{"a":${deep(MAX_JSON_DEPTH - 1)}}`))).value).toBeDefined();
    const { status, body } = await refusal(readJsonBody(post(`{"a":${deep(MAX_JSON_DEPTH)}}`)));
    expect(status).toBe(400);
    expect(body.issues[0]!.message).toMatch(/nests deeper than 32/);
    // 100 000 levels would overflow JSON.parse's stack in some engines: refused from the text.
    expect((await refusal(readJsonBody(post(deep(100_000))))).status).toBe(400);
    // Brackets inside strings do not count.
    expect(jsonNestingExceeds(JSON.stringify({ text: "[".repeat(100) }), MAX_JSON_DEPTH)).toBe(false);
  });

  it("answers 415 to a body that is not application/json", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", null]) {
      const { status, body } = await refusal(readJsonBody(post('{"givenName":"Ada"}', type)));
      expect(status).toBe(415);
      expect(body.error).toBe("unsupported_media_type");
    }
    expect((await readJsonBody(post('{"a":1}', "application/json; charset=utf-8"))).value).toEqual({ a: 1 });
  });

  it("finds NUL characters and __proto__ keys at any depth", () => {
    expect(untrustedValueIssues({ a: [{ b: ["ok", "no\u0000"] }] })).toEqual([{ path: "a[0].b[1]", message: "must not contain a NUL character" }]);
    expect(untrustedValueIssues({ a: "fine", b: [1, null, true] })).toEqual([]);
  });
});

describe("query strings and pages' search params", () => {
  it("answers 400 before any page or route sees a NUL character (JSON for the API)", async () => {
    const page = await proxy(new NextRequest("http://localhost/patients?q=a%00b"));
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/NUL/);
    const api = await proxy(new NextRequest("http://localhost/api/v1/patients?includeArchived=%00", { headers: { authorization: "Bearer x" } }));
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: "validation", issues: [{ path: "query.includeArchived", message: "must not contain a NUL character" }] });
    // An ordinary query passes on (to the sign-in redirect, here).
    expect((await proxy(new NextRequest("http://localhost/patients?q=ada"))).status).toBe(307);
  });
});

describe("unknown API paths and methods", () => {
  it("answers a JSON 404 for any /api/v1 path no route serves", async () => {
    for (const method of API_METHODS) {
      const response = await unknownApiPath[method]();
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: "not_found" });
    }
  });

  it("answers a JSON 405 with Allow", async () => {
    const { PUT } = refuseOtherMethods(["GET", "POST"]);
    const response = await PUT(new Request("http://localhost/api/v1/patients", { method: "PUT" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(await response.json()).toMatchObject({ error: "method_not_allowed" });
  });

  it("every API route refuses exactly the methods it does not implement", () => {
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry === "route.ts" && !full.includes("[...path]")) routes.push(full);
      }
    };
    walk(path.join(process.cwd(), "app", "api", "v1"));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const text = readFileSync(route, "utf8");
      const implemented = API_METHODS.filter((m) => new RegExp(`^export (async )?function ${m}\\b|^export const ${m}\\b`, "m").test(text));
      const refused = /export const \{ ([A-Z, ]+) \} = refuseOtherMethods\(\[([^\]]*)\]\)/.exec(text);
      expect(refused, route).not.toBeNull();
      expect(refused![1]!.split(", ").sort(), route).toEqual(API_METHODS.filter((m) => !implemented.includes(m)).sort());
      expect(refused![2]!.replace(/"/g, "").split(", ").sort(), route).toEqual([...implemented].sort());
    }
  });
});
