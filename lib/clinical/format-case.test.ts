import { describe, expect, it } from "vitest";
import { lowercaseFirst } from "./format";
import { seriesName } from "@/lib/trends/sentences";

describe("lowercaseFirst: a measure's name inside a sentence", () => {
  it.each([
    ["Lunge test distance", "lunge test distance"],
    ["Knee FPPA (squat)", "knee FPPA (squat)"],
    ["LEFS", "LEFS"],
    ["FAAM-ADL", "FAAM-ADL"],
    ["Foot Posture Index", "Foot Posture Index"],
    ["Thomas test, knee angle", "Thomas test, knee angle"],
    ["Oswestry (ODI)", "Oswestry (ODI)"],
  ])("%j → %j", (text, expected) => expect(lowercaseFirst(text)).toBe(expected));

  it("names a chart's series as a person writes it", () => {
    expect(seriesName("fpi6_total", "left")).toBe("Left Foot Posture Index");
    expect(seriesName("thomas_knee_deg", "right")).toBe("Right Thomas test, knee angle");
    expect(seriesName("ankle_df_wblt_cm", "left")).toBe("Left lunge test distance");
  });
});
