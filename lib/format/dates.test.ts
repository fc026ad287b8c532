import { describe, expect, it } from "vitest";
import { ageInYears, formatDate } from "./dates";

describe("formatDate", () => {
  it.each([
    ["2026-03-12", "12 Mar 2026"],
    ["1979-09-02", "2 Sep 1979"],
    ["2000-12-31", "31 Dec 2000"],
  ])("shows the calendar date %s as %s", (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it("shows an instant as its date in the given time zone", () => {
    expect(formatDate("2026-03-12T23:30:00Z", "UTC")).toBe("12 Mar 2026");
    expect(formatDate("2026-03-12T23:30:00Z", "Australia/Sydney")).toBe("13 Mar 2026");
    expect(formatDate(new Date("2026-09-01T10:00:00Z"), "UTC")).toBe("1 Sep 2026");
  });

  it("answers an empty string for nothing or nonsense", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("not a date")).toBe("");
  });
});

describe("ageInYears", () => {
  it("counts whole years, birthday included", () => {
    expect(ageInYears("1979-03-02", new Date(2026, 2, 1))).toBe(46);
    expect(ageInYears("1979-03-02", new Date(2026, 2, 2))).toBe(47);
    expect(ageInYears("bad")).toBeUndefined();
  });
});
