// The form's questionnaire state: what it sends, what it refuses before sending, and how the
// server's issues find their fields again.
import { describe, expect, it } from "vitest";
import { NA, emptyQuestionnaireForm, questionnaireErrors, questionnaireFieldLabel, questionnaireFormFromVisit, runningSummary, scoredCodes, toQuestionnairePayload } from "./form";
import { questionnaireIssueField } from "./form-issues";
import { answersScoring, activitiesScoring } from "@/lib/seed/demo-history";
import { scoreItemAnswers } from "./scoring";

const adlText = (answers: string[]) => ({ ...emptyQuestionnaireForm(), items: { faam_adl: answers } });

describe("questionnaire form state", () => {
  it("sends started forms only, N/A as null, PSFS rows trimmed", () => {
    const state = { items: { faam_adl: [...Array(20).fill("3"), NA], lefs: Array(20).fill("") }, psfs: [{ name: " stairs ", score: "6" }, { name: "", score: "" }] };
    expect(toQuestionnairePayload(state)).toEqual([
      { instrument: "faam_adl", answers: [...Array(20).fill(3), null] },
      { instrument: "psfs", activities: [{ name: "stairs", score: 6 }] },
    ]);
  });

  it("asks for every item of a started form (N/A explicitly) and applies the validity rule", () => {
    const partly = adlText(["4", "", ...Array(19).fill("4")]);
    expect(questionnaireErrors(partly, {})).toEqual({ "q-faam_adl-item-2": "Choose 0 to 4, or N/A" });
    const eighteen = adlText([...Array(18).fill("4"), NA, NA, NA]);
    expect(questionnaireErrors(eighteen, {})).toEqual({ "q-faam_adl": "18 of 21 items answered: FAAM ADL needs at least 19 to be scored" });
    expect(questionnaireErrors(adlText([...Array(19).fill("4"), NA, NA]), {})).toEqual({});
  });

  it("refuses a typed total beside the answers of the same score, and PSFS with 2 activities", () => {
    const state = { ...adlText(Array(21).fill("4")), psfs: [{ name: "a", score: "5" }, { name: "b", score: "6" }] };
    expect(questionnaireErrors(state, { "faam_adl_percent:none": "90", "psfs_mean:none": "5" })).toEqual({
      "m-faam_adl_percent-none": "FAAM ADL is scored from the item answers below: clear this total or the answers",
      "q-psfs": "PSFS needs 3 to 5 activities, not 2",
      "m-psfs_mean-none": "PSFS is scored from the activities below: clear this mean or the activities",
    });
  });

  it("shows a running score and whether the form is valid yet", () => {
    expect(runningSummary("faam_adl", ["4", "2", NA, ""])).toMatchObject({ entered: 3, answered: 2, score: 75, valid: false, items: 21 });
    expect(runningSummary("lefs", Array(20).fill("4"))).toMatchObject({ score: 80, valid: true });
  });

  it("maps the server's issue paths back to the fields", () => {
    const sent = toQuestionnairePayload({ items: { lefs: Array(20).fill("2") }, psfs: [{ name: "a", score: "1" }, { name: "b", score: "2" }, { name: "c", score: "3" }] });
    expect(questionnaireIssueField("questionnaires[0].answers[5]", sent)).toBe("q-lefs-item-6");
    expect(questionnaireIssueField("questionnaires[0].answers", sent)).toBe("q-lefs");
    expect(questionnaireIssueField("questionnaires[1].activities[2].score", sent)).toBe("q-psfs-3-score");
    expect(questionnaireIssueField("footwear", sent)).toBe("footwear");
    expect(questionnaireFieldLabel("q-lefs-item-6")).toBe("LEFS item 6");
  });

  it("turns a stored visit back into form text, its scored codes no longer typed totals", () => {
    const visit = {
      measures: [{ code: "faam_adl_percent", method: "item answers" }, { code: "lefs_score", method: "total entered" }],
      questionnaires: [{ instrument: "faam_adl" as const, code: "faam_adl_percent" as const, value: 100, answers: [...Array(20).fill(4), null] }],
    };
    expect(questionnaireFormFromVisit(visit.questionnaires).items.faam_adl).toEqual([...Array(20).fill("4"), NA]);
    expect([...scoredCodes(visit)]).toEqual(["faam_adl_percent"]);
  });
});

describe("demo answers that score exactly a stored value", () => {
  it("none where no 19 to 21 answers give the value (the demo keeps it as a typed total)", () => {
    // 81.5 % would need 68.46 of 84, 65.2 of 80 or 61.94 of 76 points
    expect(answersScoring("faam_adl", 81.5)).toBeUndefined();
  });
  it.each([70, 72.5, 94, 100, 0])("FAAM ADL %s", (value) => {
    const answers = answersScoring("faam_adl", value);
    expect(answers).toBeDefined();
    expect(scoreItemAnswers("faam_adl", answers)).toEqual({ ok: true, value });
  });
  it("LEFS always; PSFS means", () => {
    for (const value of [0, 47, 80]) expect(scoreItemAnswers("lefs", answersScoring("lefs", value))).toEqual({ ok: true, value });
    expect(activitiesScoring(6.3)!.map((a) => a.score)).toEqual([7, 6, 6]);
  });
});
