import { describe, expect, it } from "vitest";
import { decimalsOf, gt, gte, isOnStep, lt, lte, nearestOnStep, roundTo, subtract } from "./decimal";

describe("subtract is exact at the step precision", () => {
  it.each([
    [1.2, 1.1, 2, 0.1],
    [0.7, 0.6, 2, 0.1],
    [0.3, 0.1, 1, 0.2],
    [10.1, 8.6, 1, 1.5],
    [70.3, 62.3, 1, 8],
    [1.1, 1.2, 2, -0.1],
    [5, 5, 0, 0],
  ])("%s − %s (%s decimals) = %s", (a, b, d, expected) => {
    expect(subtract(a, b, d)).toBe(expected);
  });

  it("never returns -0", () => {
    expect(Object.is(subtract(1.1, 1.1, 1), 0)).toBe(true);
    expect(Object.is(roundTo(-0.00001, 2), 0)).toBe(true);
  });
});

describe("comparisons ignore float noise", () => {
  it("65 / 200 × 100 is 32.5 for the comparison", () => {
    const pct = (65 / 200) * 100;
    expect(gt(pct, 32.5)).toBe(false);
    expect(lte(pct, 32.5)).toBe(true);
    expect(gte((0.15 * 100), 15)).toBe(true);
    expect(lt(0.1 + 0.2, 0.3)).toBe(false);
  });
});

describe("step grid", () => {
  it.each([
    [0.3, 0.1, true],
    [70.3, 0.1, true],
    [4.5, 0.5, true],
    [4.25, 0.5, false],
    [4.3, 0.5, false],
    [-12, 1, true],
    [1.5, 1, false],
    [1.23, 0.01, true],
    [1.234, 0.01, false],
    [-29.5, 0.5, true],
    // Float noise is on the grid; anything a person could have typed off it is not.
    [0.1 + 0.2, 0.1, true],
    [15 + 1e-11, 0.5, true],
    [15 + 2e-9, 0.5, false],
    [15.0000001, 0.5, false],
    [0.3, 0.5, false],
  ])("%s on a %s grid → %s", (value, step, ok) => {
    expect(isOnStep(value, step)).toBe(ok);
  });

  it("snaps a value within 1e-9 of the grid to the step multiple itself", () => {
    expect(nearestOnStep(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(nearestOnStep(15 + 1e-11, 0.5)).toBe(15);
    expect(nearestOnStep(-29.5 - 1e-12, 0.5)).toBe(-29.5);
  });

  it.each([
    [0.01, 2],
    [0.5, 1],
    [1, 0],
    [1e-7, 7],
  ])("decimals of %s = %s", (x, d) => {
    expect(decimalsOf(x)).toBe(d);
  });
});
