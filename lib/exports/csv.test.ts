import { describe, expect, it } from "vitest";
import { csvRow, patientMeasuresCsv, textCell, numberCell, dateCell } from "./csv";

describe("textCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\",\"click\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindented", "'\tindented"],
    ["\r=1", "\"'\r=1\""],
    ["goniometer", "goniometer"],
    ["side-lying, HHD", "\"side-lying, HHD\""],
    ["says \"hi\"", "\"says \"\"hi\"\"\""],
    ["two\nlines", "\"two\nlines\""],
  ])("%j → %j", (input, expected) => {
    expect(textCell(input)).toBe(expected);
  });

  it("writes null and undefined as empty cells", () => {
    expect(textCell(null)).toBe("");
    expect(textCell(undefined)).toBe("");
  });
});

describe("numbers and dates are never localised or neutralised", () => {
  it("keeps negative numbers as numbers and uses dot decimals", () => {
    expect(numberCell(-5)).toBe("-5");
    expect(numberCell(1.06)).toBe("1.06");
    expect(numberCell(1234.5)).toBe("1234.5");
    expect(() => numberCell(Number.NaN)).toThrow();
  });

  it("writes instants as ISO 8601 UTC", () => {
    expect(dateCell(new Date("2026-03-01T09:30:00+01:00"))).toBe("2026-03-01T08:30:00.000Z");
  });
});

describe("patientMeasuresCsv", () => {
  it("has the contract's header and CRLF records", () => {
    const text = patientMeasuresCsv([
      { takenAt: new Date("2026-01-02T10:00:00Z"), code: "ankle_df_nwb_ext_deg", side: "left", value: -5, unit: "deg", method: "=cmd|' /C calc'!A0", rater: "Dr -Smith" },
      { takenAt: new Date("2026-01-02T10:00:00Z"), code: "gait_speed_mps", side: "none", value: 1.2, unit: "m/s", method: null, rater: "A, B" },
    ]);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("takenAt,code,side,value,unit,method,rater");
    expect(lines[1]).toBe("2026-01-02T10:00:00.000Z,ankle_df_nwb_ext_deg,left,-5,deg,'=cmd|' /C calc'!A0,Dr -Smith");
    expect(lines[2]).toBe('2026-01-02T10:00:00.000Z,gait_speed_mps,none,1.2,m/s,,"A, B"');
    expect(lines[3]).toBe("");
  });

  it("csvRow joins cells of each kind", () => {
    expect(csvRow([{ text: "a" }, { number: 0.1 }, { date: "2026-01-01T00:00:00.000Z" }])).toBe("a,0.1,2026-01-01T00:00:00.000Z\r\n");
  });
});
