import { describe, expect, it } from "vitest";
import { passwordProblem } from "./passwords";

describe("passwordProblem", () => {
  it("refuses short, only-space and common passwords; accepts a long one", () => {
    expect(passwordProblem("short")).toMatch(/at least 12 characters/);
    expect(passwordProblem(" ".repeat(12))).toBe("password must not be only spaces");
    expect(passwordProblem("\t".repeat(14))).toBe("password must not be only spaces");
    expect(passwordProblem("correct horse battery")).toBeUndefined();
  });
});
