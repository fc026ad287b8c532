import { describe, expect, it } from "vitest";
import { ageInYears, calendarDaysBetween, formatDate } from "./dates";

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

  it("agrees with the time zone database at every instant, transitions included", () => {
    // The reference: the calendar date Intl gives for the instant itself (what formatDate did before
    // it kept offsets per quarter hour). Zones with DST at midnight, half-hour DST and odd offsets.
    const zones = ["America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "Europe/London", "America/Havana", "UTC"];
    const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const formats = new Map(zones.map((timeZone) => [timeZone, new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" })]));
    const reference = (ms: number, timeZone: string) => {
      const parts = (formats.get(timeZone) ?? new Intl.DateTimeFormat("en-US", { timeZone })).formatToParts(new Date(ms));
      const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
      return `${get("day")} ${MONTHS[get("month") - 1]} ${get("year")}`;
    };
    const instants: number[] = [];
    // Every 33 minutes 19 seconds through 2018 (Sao Paulo's last midnight DST changes) and around 2026.
    for (let ms = Date.UTC(2018, 0, 1); ms < Date.UTC(2019, 0, 1); ms += 1_999_000) instants.push(ms);
    for (let ms = Date.UTC(2026, 2, 1); ms < Date.UTC(2026, 3, 15); ms += 901_000) instants.push(ms);
    // A second either side of each hour and half hour around the northern and southern spring changes.
    for (const day of [Date.UTC(2018, 10, 3), Date.UTC(2018, 10, 4), Date.UTC(2026, 2, 8), Date.UTC(2026, 3, 5), Date.UTC(2026, 9, 4)]) {
      for (let m = 0; m < 48 * 60; m += 15) instants.push(day + m * 60_000 - 1000, day + m * 60_000, day + m * 60_000 + 1000);
    }
    for (const zone of zones) {
      const wrong = instants.filter((ms) => formatDate(new Date(ms), zone) !== reference(ms, zone));
      expect(wrong.map((ms) => `${zone} ${new Date(ms).toISOString()}`)).toEqual([]);
    }
    expect(formatDate("1899-12-31T23:59:30Z", "Europe/London")).toBe("31 Dec 1899");
  });

  it("answers an empty string for nothing or nonsense", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("not a date")).toBe("");
  });
});

describe("calendarDaysBetween", () => {
  it("counts calendar dates in the clinic's zone, not 24-hour periods", () => {
    const morning = Date.parse("2026-12-01T08:00:00Z");
    expect(calendarDaysBetween("2026-11-30T23:30:00Z", morning, "UTC")).toBe(1); // 8.5 h ago, yesterday
    expect(calendarDaysBetween("2026-12-01T00:10:00Z", morning, "UTC")).toBe(0);
    expect(calendarDaysBetween("2026-11-29T09:00:00Z", morning, "UTC")).toBe(2); // 47 h ago
    // 23:30 UTC on 30 Nov is already 1 Dec in Berlin: today there.
    expect(calendarDaysBetween("2026-11-30T23:30:00Z", morning, "Europe/Berlin")).toBe(0);
  });
});

describe("ageInYears", () => {
  it("counts whole years, birthday included", () => {
    expect(ageInYears("1979-03-02", new Date(2026, 2, 1))).toBe(46);
    expect(ageInYears("1979-03-02", new Date(2026, 2, 2))).toBe(47);
    expect(ageInYears("bad")).toBeUndefined();
  });
});
