// Every scoring rule and validity edge of clinical/measures.md "Questionnaires scored from item responses".
import { describe, expect, it } from "vitest";
import { runningItemScore, scoreItemAnswers, scorePsfs, validityRule } from "./scoring";
import { ITEM_INSTRUMENT_DEFS } from "./instruments";

const filled = (n: number, value: number | null) => Array.from({ length: n }, () => value);
/** `nulls` N/A items at the end, the rest `value`. */
const withNa = (n: number, value: number, nulls: number) => [...filled(n - nulls, value), ...filled(nulls, null)];

describe("FAAM ADL (21 items, 0-4 or N/A, ≥ 19 answered, sum ÷ (4 × answered) × 100)", () => {
  it("scores a full form: all 4 is 100 %, all 0 is 0 %", () => {
    expect(scoreItemAnswers("faam_adl", filled(21, 4))).toEqual({ ok: true, value: 100 });
    expect(scoreItemAnswers("faam_adl", filled(21, 0))).toEqual({ ok: true, value: 0 });
  });

  it("divides by the items answered, not by 21", () => {
    // 19 answered, 2 N/A: 19 × 3 = 57 of 76 → 75 %
    expect(scoreItemAnswers("faam_adl", withNa(21, 3, 2))).toEqual({ ok: true, value: 75 });
  });

  it("rounds to the measure's step 0.1, half away from zero", () => {
    // 20 answered: sum 73 of 80 = 91.25 → 91.3
    expect(scoreItemAnswers("faam_adl", [...filled(13, 4), ...filled(7, 3), null])).toEqual({ ok: true, value: 91.3 });
    // 21 answered: sum 50 of 84 = 59.5238… → 59.5
    expect(scoreItemAnswers("faam_adl", [...filled(8, 4), ...filled(6, 3), ...filled(6, 0), 0])).toEqual({ ok: true, value: 59.5 });
    // 21 answered: sum 62 of 84 = 73.8095… → 73.8
    expect(scoreItemAnswers("faam_adl", [...filled(20, 3), 2])).toEqual({ ok: true, value: 73.8 });
  });

  it("refuses 18 of 21 answered (needs 19)", () => {
    expect(scoreItemAnswers("faam_adl", withNa(21, 4, 3))).toEqual({
      ok: false,
      issues: [{ path: ["answers"], message: "18 of 21 items answered: FAAM ADL needs at least 19 to be scored" }],
    });
  });

  it("refuses a form of N/A only (no division by zero)", () => {
    const result = scoreItemAnswers("faam_adl", filled(21, null));
    expect(result).toEqual({ ok: false, issues: [{ path: ["answers"], message: "0 of 21 items answered: FAAM ADL needs at least 19 to be scored" }] });
  });

  it("refuses a wrong item count, naming the count", () => {
    expect(scoreItemAnswers("faam_adl", filled(20, 4))).toEqual({
      ok: false,
      issues: [{ path: ["answers"], message: "FAAM ADL has 21 items: send exactly 21 answers (null = N/A), not 20" }],
    });
    expect(scoreItemAnswers("faam_adl", filled(22, 4)).ok).toBe(false);
    expect(scoreItemAnswers("faam_adl", "4,4,4").ok).toBe(false);
  });

  it("names every answer out of range, not whole or not a number", () => {
    const answers: unknown[] = filled(21, 4);
    answers[5] = 7;
    answers[6] = -1;
    answers[7] = 2.5;
    answers[8] = "3";
    expect(scoreItemAnswers("faam_adl", answers)).toEqual({
      ok: false,
      issues: [
        { path: ["answers", 5], message: "7 is outside 0..4" },
        { path: ["answers", 6], message: "-1 is outside 0..4" },
        { path: ["answers", 7], message: "2.5 is not a whole number 0..4" },
        { path: ["answers", 8], message: 'must be a number 0..4 or null (N/A), not "3"' },
      ],
    });
  });
});

describe("FAAM Sports (8 items, ≥ 7 answered)", () => {
  it("scores 7 answered with one N/A", () => {
    // 7 answered: sum 20 of 28 = 71.428… → 71.4
    expect(scoreItemAnswers("faam_sports", [4, 4, 3, 3, 2, 2, 2, null])).toEqual({ ok: true, value: 71.4 });
  });
  it("refuses 6 of 8 answered", () => {
    expect(scoreItemAnswers("faam_sports", withNa(8, 2, 2))).toMatchObject({ ok: false, issues: [{ path: ["answers"], message: "6 of 8 items answered: FAAM Sports needs at least 7 to be scored" }] });
  });
  it("refuses 21 answers for an 8-item scale", () => {
    expect(scoreItemAnswers("faam_sports", filled(21, 4))).toMatchObject({ ok: false, issues: [{ path: ["answers"] }] });
  });
});

describe("LEFS (20 items, all answered, sum 0-80)", () => {
  it("sums the answers", () => {
    expect(scoreItemAnswers("lefs", filled(20, 4))).toEqual({ ok: true, value: 80 });
    expect(scoreItemAnswers("lefs", [...filled(10, 3), ...filled(10, 2)])).toEqual({ ok: true, value: 50 });
  });
  it("has no N/A: a null answer is refused at its index", () => {
    const answers = filled(20, 3) as (number | null)[];
    answers[19] = null;
    expect(scoreItemAnswers("lefs", answers)).toEqual({
      ok: false,
      issues: [{ path: ["answers", 19], message: "LEFS has no N/A: every item needs an answer 0..4" }],
    });
  });
});

describe("PSFS (3-5 activities, 0-10 each, mean)", () => {
  const act = (...scores: number[]) => scores.map((score, i) => ({ name: `activity ${i + 1}`, score }));
  it("averages 3, 4 or 5 activities on a 0.1 step", () => {
    expect(scorePsfs(act(6, 7, 8))).toMatchObject({ ok: true, value: 7 });
    expect(scorePsfs(act(5, 5, 6))).toMatchObject({ ok: true, value: 5.3 }); // 5.333…
    expect(scorePsfs(act(6, 7, 7))).toMatchObject({ ok: true, value: 6.7 }); // 6.666…
    expect(scorePsfs(act(4, 4, 5, 4))).toMatchObject({ ok: true, value: 4.3 }); // 4.25 → 4.3
    expect(scorePsfs(act(0, 10, 3, 2, 9))).toMatchObject({ ok: true, value: 4.8 });
  });
  it("trims activity names", () => {
    expect(scorePsfs([{ name: "  climbing stairs ", score: 6 }, ...act(5, 4)])).toMatchObject({ ok: true, value: 5, activities: [{ name: "climbing stairs", score: 6 }, { name: "activity 1" }, { name: "activity 2" }] });
  });
  it("refuses 2 activities, and 6", () => {
    expect(scorePsfs(act(5, 6))).toEqual({ ok: false, issues: [{ path: ["activities"], message: "PSFS needs 3 to 5 activities, not 2" }] });
    expect(scorePsfs(act(1, 2, 3, 4, 5, 6))).toMatchObject({ ok: false, issues: [{ path: ["activities"] }] });
  });
  it("names a score out of range, a missing name and a repeated activity", () => {
    expect(scorePsfs([{ name: "running", score: 11 }, { name: "", score: 3 }, { name: "Running", score: 2.5 }, { name: "walking", score: 4, extra: 1 }])).toEqual({
      ok: false,
      issues: [
        { path: ["activities", 0, "score"], message: "11 is outside 0..10" },
        { path: ["activities", 1, "name"], message: "name must not be empty (1 to 100 characters)" },
        { path: ["activities", 2, "name"], message: '"Running" is listed twice (also activities[0])' },
        { path: ["activities", 2, "score"], message: "2.5 is not a whole number 0..10" },
        { path: ["activities", 3, "extra"], message: "unknown field (allowed: name, score)" },
      ],
    });
  });
});

describe("the form's running score and validity text", () => {
  it("scores what is answered so far and shows the rule", () => {
    expect(runningItemScore("faam_adl", [])).toBeNull();
    expect(runningItemScore("faam_adl", [4, 2, undefined, null])).toBe(75);
    expect(runningItemScore("lefs", [4, 2, 1])).toBe(7);
    expect(validityRule(ITEM_INSTRUMENT_DEFS.faam_adl)).toBe("19 of 21 items needed");
    expect(validityRule(ITEM_INSTRUMENT_DEFS.faam_sports)).toBe("7 of 8 items needed");
    expect(validityRule(ITEM_INSTRUMENT_DEFS.lefs)).toBe("all 20 items needed, no N/A");
  });
});
