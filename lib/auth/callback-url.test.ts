import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/patients", "/patients"],
    ["/patients/abc?tab=flags", "/patients/abc?tab=flags"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [["/patients"]],
    ["https://evil.example/"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["/login"],
    ["/login?callbackUrl=/x"],
    ["/api/v1/patients"],
    ["/patients\n"],
  ])("falls back for %j", (input) => {
    expect(safeCallbackUrl(input)).toBe("/");
  });
});
