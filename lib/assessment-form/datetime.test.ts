import { describe, expect, it } from "vitest";
import { normaliseLocalDateTime, toLocalFieldText } from "./datetime";
import { lastMethods } from "./previous";

describe("the date-time field's text", () => {
  it("takes a space or a T between date and time", () => {
    expect(normaliseLocalDateTime("2026-03-12 09:30")).toBe("2026-03-12T09:30");
    expect(normaliseLocalDateTime(" 2026-03-12T09:30 ")).toBe("2026-03-12T09:30");
    expect(normaliseLocalDateTime("2026-03-12 9:05")).toBe("2026-03-12T09:05");
    expect(normaliseLocalDateTime("2026-03-12 09:30:15")).toBe("2026-03-12T09:30:15");
  });

  it("rejects dates and times that do not exist, and other formats", () => {
    for (const text of ["2026-02-30 09:30", "2026-03-12 24:00", "2026-03-12 09:60", "12/03/2026 09:30", "2026-03-12", "", "now"]) {
      expect(normaliseLocalDateTime(text), text).toBeUndefined();
    }
  });

  it("shows a Date as the browser's wall-clock time", () => {
    expect(toLocalFieldText(new Date(2026, 2, 12, 9, 5))).toBe("2026-03-12 09:05");
  });
});

describe("methods carried over to a new visit", () => {
  it("takes each measure's method from its latest value, either side", () => {
    expect(
      lastMethods({
        "ankle_df_wblt_cm:left": { value: 9, method: "tape at wall", takenAt: "2026-03-01T09:00:00Z" },
        "ankle_df_wblt_cm:right": { value: 10, method: "inclinometer", takenAt: "2026-03-12T09:00:00Z" },
        "hip_abd_hhd_n:left": { value: 150, method: null, takenAt: "2026-03-12T09:00:00Z" },
        "odi_percent:none": { value: 20, method: "  ", takenAt: "2026-03-12T09:00:00Z" },
      }),
    ).toEqual({ ankle_df_wblt_cm: "inclinometer" });
  });
});
