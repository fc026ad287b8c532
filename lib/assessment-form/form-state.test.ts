import { describe, expect, it } from "vitest";
import { assessmentInputSchema } from "@/lib/clinical/validation";
import { FIELD_ORDER, FORM_SECTIONS, fieldLabel, parseDecimalText, valueError } from "./fields";
import { localToIso } from "./datetime";
import { emptyFormState, errorsFromServerIssues, formStateFromVisit, toAssessmentPayload, validateForm } from "./form-state";
import { clearDraft, draftKey, hasContent, loadDraft, parseDraft, saveDraft } from "./draft";
import { latestValues } from "./previous";

describe("form layout", () => {
  it("follows the chain foot up to back, left before right", () => {
    expect(FORM_SECTIONS.map((s) => s.id)).toEqual([
      "ankle_calf", "foot_posture", "hip_pelvis", "leg_length", "pain", "function_scores", "gait", "body_mass",
      "load",
    ]);
    expect(FIELD_ORDER.slice(0, 2).map((f) => f.key)).toEqual(["ankle_df_wblt_cm:left", "ankle_df_wblt_cm:right"]);
    expect(FIELD_ORDER.at(-1)!.key).toBe("activity_km_week:none");
    expect(FIELD_ORDER).toHaveLength(17 * 2 + 12);
  });

  it("labels name the measure, the side and the unit", () => {
    expect(fieldLabel("ankle_df_wblt_cm", "left")).toBe("Lunge test distance, left (cm)");
    expect(fieldLabel("ankle_df_nwb_ext_deg", "right")).toBe("Dorsiflexion, knee straight, right (°)");
    expect(fieldLabel("odi_percent", "none")).toBe("Oswestry (ODI) (%)");
  });
});

describe("field validation", () => {
  it.each([
    ["8.5", 8.5], ["8,5", 8.5], ["-3", -3], ["+4", 4], [".5", 0.5], [" 12 ", 12],
    ["abc", undefined], ["1e3", undefined], ["", undefined], ["1.2.3", undefined], ["-", undefined],
    ["1,000", undefined], ["12,500", undefined], ["0,500", 0.5], ["1,0005", 1.0005], ["1,00", 1], ["1.000", 1],
  ])("parses %j as %j", (text, value) => {
    expect(parseDecimalText(text)).toBe(value);
  });

  it("names the range for an out-of-range value and the step for an off-step one", () => {
    expect(valueError("ankle_df_nwb_ext_deg", "left", "57")).toBe("57 is outside the range -30 to 45 °");
    expect(valueError("fpi6_total", "right", "2.5")).toMatch(/not a multiple of 1: enter -12 to 12 in steps of 1/);
    expect(valueError("ankle_df_wblt_cm", "left", "x")).toMatch(/not a number: enter 0 to 25 cm/);
    expect(valueError("ankle_df_wblt_cm", "left", "")).toBeUndefined();
    expect(valueError("gait_speed_mps", "none", "1.25")).toBeUndefined();
    expect(valueError("pain_heel_nprs", "left", "11")).toBe("11 is outside the range 0 to 10");
    // A thousands separator or a decimal comma? Never guessed: "1,000" N was once stored as 1 N.
    expect(valueError("hip_abd_hhd_n", "left", "1,000")).toBe("“1,000” could be 1000 or 1.000: write it without the comma, or with a point for decimals");
    expect(valueError("body_mass_kg", "none", "80,5")).toBeUndefined();
  });
});

describe("form state ↔ assessment input", () => {
  const state = {
    ...emptyFormState("2026-03-12T09:30"),
    values: { "ankle_df_nwb_ext_deg:left": "6", "ankle_df_nwb_ext_deg:right": "12.5", "odi_percent:none": "20", "fpi6_total:left": " " },
    methods: { ankle_df_nwb_ext_deg: " goniometer " },
    redFlags: ["rf_night_pain" as const, "rf_cauda_equina" as const],
    notes: "seen standing",
  };

  it("builds what THE schema accepts: blanks left out, methods per side, flags in catalog order", () => {
    const payload = toAssessmentPayload(state, 60);
    expect(payload).toEqual({
      takenAt: "2026-03-12T09:30:00+01:00",
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: 6, method: "goniometer" },
        { code: "ankle_df_nwb_ext_deg", side: "right", value: 12.5, method: "goniometer" },
        { code: "odi_percent", side: "none", value: 20 },
      ],
      redFlags: ["rf_cauda_equina", "rf_night_pain"],
      notes: "seen standing",
    });
    expect(assessmentInputSchema.safeParse(payload).success).toBe(true);
  });

  it("round-trips a stored visit", () => {
    const payload = toAssessmentPayload(state, 0);
    const back = formStateFromVisit({ ...payload, measures: payload.measures.map((m) => ({ ...m, method: m.method ?? null })), notes: payload.notes ?? null }, "2026-03-12T09:30");
    expect(toAssessmentPayload(back, 0)).toEqual(payload);
  });

  it("validateForm marks each bad field by its DOM id and requires a reason only when correcting", () => {
    const bad = { ...state, values: { ...state.values, "ankle_df_nwb_ext_deg:left": "57" }, takenAtLocal: "" };
    expect(validateForm(bad)).toEqual({ takenAt: expect.any(String), "m-ankle_df_nwb_ext_deg-left": "57 is outside the range -30 to 45 °" });
    expect(validateForm(state)).toEqual({});
    expect(Object.keys(validateForm(state, { requireReason: true }))).toEqual(["amend-reason"]);
  });

  it("maps the server's issues back onto the fields that were sent", () => {
    const payload = { takenAt: "2099-01-01T00:00:00Z", measures: [{ code: "odi_percent" as const, side: "none" as const, value: 20 }, { code: "ankle_df_nwb_ext_deg" as const, side: "left" as const, value: 57 }], redFlags: [] };
    const result = errorsFromServerIssues(
      [
        { path: "measures[1].value", message: "57 is outside -30..45 for ankle_df_nwb_ext_deg (left)" },
        { path: "takenAt", message: "takenAt 2099-01-01T00:00:00Z is in the future (more than 5 minutes ahead of the server clock)" },
        { path: "body", message: "Unknown key" },
      ],
      payload,
    );
    expect(result.fields).toEqual({ "m-ankle_df_nwb_ext_deg-left": "57 is outside the range -30 to 45 °", takenAt: "This date and time is in the future (more than 5 minutes ahead of the server clock)" });
    expect(result.general).toEqual(["Unknown key"]);
  });
});

describe("local date-time → ISO with offset", () => {
  it.each([
    [0, "2026-03-12T09:30:00Z"], [60, "2026-03-12T09:30:00+01:00"], [-300, "2026-03-12T09:30:00-05:00"], [330, "2026-03-12T09:30:00+05:30"], [-570, "2026-03-12T09:30:00-09:30"],
  ])("offset %i", (offset, iso) => {
    expect(localToIso("2026-03-12T09:30", offset)).toBe(iso);
    expect(assessmentInputSchema.safeParse({ takenAt: iso }).success).toBe(true);
  });
  it("rejects what is not a datetime-local value", () => expect(localToIso("12/03/2026", 0)).toBeUndefined());
});

describe("draft storage", () => {
  function memory() {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
  }

  it("keeps a draft per patient and per corrected visit, and restores it exactly", () => {
    const storage = memory();
    const key = draftKey({ patientId: "p1" });
    expect(key).not.toBe(draftKey({ assessmentId: "p1" }));
    const state = { ...emptyFormState("2026-03-12T09:30"), values: { "odi_percent:none": "2" }, redFlags: ["rf_fever" as const] };
    expect(saveDraft(storage, key, state, new Date("2026-03-12T09:31:00Z"))).toBe(true);
    expect(loadDraft(storage, key)).toEqual({ savedAt: "2026-03-12T09:31:00.000Z", state });
    clearDraft(storage, key);
    expect(loadDraft(storage, key)).toBeUndefined();
  });

  it("drops corrupt or foreign drafts instead of failing", () => {
    expect(parseDraft("{not json")).toBeUndefined();
    expect(parseDraft(JSON.stringify({ version: 99, savedAt: "x", state: {} }))).toBeUndefined();
    expect(parseDraft(JSON.stringify({ version: 1, savedAt: "x", state: { ...emptyFormState(), redFlags: ["rf_made_up"] } }))).toBeUndefined();
    const throwing = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("quota"); }, removeItem: () => { throw new Error("x"); } };
    expect(loadDraft(throwing, "k")).toBeUndefined();
    expect(saveDraft(throwing, "k", emptyFormState())).toBe(false);
    expect(() => clearDraft(throwing, "k")).not.toThrow();
  });

  it("a date alone is not worth keeping", () => {
    expect(hasContent(emptyFormState("2026-03-12T09:30"))).toBe(false);
    expect(hasContent({ ...emptyFormState(), notes: "x" })).toBe(true);
  });
});

describe("previous values", () => {
  const visits = [
    { id: "b", takenAt: "2026-03-10T09:00:00Z", measures: [{ code: "odi_percent", side: "none" as const, value: 30, method: null }] },
    { id: "a", takenAt: "2026-03-01T09:00:00Z", measures: [{ code: "odi_percent", side: "none" as const, value: 40, method: null }, { code: "fpi6_total", side: "left" as const, value: 6, method: "x" }] },
    { id: "c", takenAt: "2026-03-20T09:00:00Z", deletedAt: "2026-03-21T00:00:00Z", measures: [{ code: "odi_percent", side: "none" as const, value: 99, method: null }] },
  ];
  it("takes the latest non-deleted value per code and side", () => {
    expect(latestValues(visits)).toEqual({
      "odi_percent:none": { value: 30, method: null, takenAt: "2026-03-10T09:00:00Z" },
      "fpi6_total:left": { value: 6, method: "x", takenAt: "2026-03-01T09:00:00Z" },
    });
  });
  it("for a correction, only visits before the corrected one count", () => {
    expect(latestValues(visits, { before: { id: "b", takenAt: "2026-03-10T09:00:00Z" } })["odi_percent:none"]!.value).toBe(40);
  });
});
