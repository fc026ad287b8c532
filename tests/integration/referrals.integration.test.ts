// Referral notes through the real route handlers and the database: create from data, edit,
// finalise (locked), supersede, clinic isolation, audit, and the PDF's text.
import { beforeAll, describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import * as createRoute from "@/app/api/v1/patients/[id]/referrals/route";
import * as referralRoute from "@/app/api/v1/referrals/[id]/route";
import * as finaliseRoute from "@/app/api/v1/referrals/[id]/finalise/route";
import * as supersedeRoute from "@/app/api/v1/referrals/[id]/supersede/route";
import * as pdfRoute from "@/app/api/v1/referrals/[id]/pdf/route";
import { db } from "@/lib/db/client";
import { renderReferralPdf } from "@/lib/referrals/pdf/render";
import { callRoute, clinicUserWithToken, patientWithHistory, type StoredVisit } from "./referral-fixtures";

const kind = process.env.TEST_DB_KIND;

export const RED_FLAG_HISTORY: StoredVisit[] = [
  {
    takenAt: "2026-01-05T09:00:00Z",
    measures: [
      { code: "ankle_df_nwb_ext_deg", side: "left", value: 12, method: "goniometer" },
      { code: "ankle_df_nwb_ext_deg", side: "right", value: 7, method: "goniometer" },
      { code: "pain_heel_nprs", side: "right", value: 6 },
      { code: "pain_back_nprs", side: "none", value: 1, method: '=HYPERLINK("http://evil.test","x")' },
      { code: "gait_speed_mps", side: "none", value: 1.2 },
    ],
  },
  { takenAt: "2026-02-20T09:00:00Z", deleted: true, measures: [{ code: "ankle_df_nwb_ext_deg", side: "right", value: -3 }, { code: "pain_heel_nprs", side: "right", value: 9 }] },
  {
    takenAt: "2026-04-02T09:00:00Z",
    redFlags: ["rf_night_pain"],
    measures: [
      { code: "ankle_df_nwb_ext_deg", side: "left", value: 12.5, method: "goniometer" },
      { code: "ankle_df_nwb_ext_deg", side: "right", value: 7.5, method: "goniometer" },
      { code: "pain_heel_nprs", side: "right", value: 8 },
      { code: "pain_back_nprs", side: "none", value: 4 },
      { code: "gait_speed_mps", side: "none", value: 1.05 },
    ],
  },
];

let home: Awaited<ReturnType<typeof clinicUserWithToken>>;
let other: Awaited<ReturnType<typeof clinicUserWithToken>>;
let patientId: string;
let familyName: string;

beforeAll(async () => {
  home = await clinicUserWithToken();
  other = await clinicUserWithToken();
  const p = await patientWithHistory(home.clinic.id, home.user.id, RED_FLAG_HISTORY, { mrn: "MRN-77" });
  patientId = p.id;
  familyName = p.familyName;
});

const create = (json: unknown, token = home.token, id = patientId) => callRoute(createRoute.POST, "POST", { token, id, json });
const sectionText = (body: { sections: { key: string; text: string }[] }, key: string) => body.sections.find((s) => s.key === key)!.text;

describe(`referral notes on ${kind}`, () => {
  it("assembles a draft from the stored data (201), leaving out deleted visits, and audits it", async () => {
    const res = await create({ specialty: "general_practice", urgency: "urgent", comment: "Bloods and imaging please." });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get("location")).toBe(`/api/v1/referrals/${body.id}`);
    expect(body).toMatchObject({ patientId, status: "draft", version: 1, urgency: "urgent", specialty: "general_practice", comment: "Bloods and imaging please." });
    // A draft from a contract-only client (no question) is accepted and says so.
    expect(body.question).toBeNull();
    expect(sectionText(body, "question")).toBe("Question not yet written.");
    // Night pain: urgent under rules v1, a review-tier red flag (suggested soon) under v2; stated either way.
    expect(sectionText(body, "urgency")).toMatch(/^Urgent[,;] /);
    expect(sectionText(body, "urgency")).toContain("Night pain");
    expect(sectionText(body, "flags")).toContain("Limited ankle dorsiflexion (right): Dorsiflexion, knee straight: right 7.5° (2 Apr 2026)");
    expect(sectionText(body, "flags")).not.toContain("Severely limited"); // the −3° was on a deleted visit
    expect(sectionText(body, "key_findings")).toContain("Low-back pain | 1/10 (5 Jan 2026) | 4/10 (2 Apr 2026) | +3 points | important change, worse | 2 points");
    expect(sectionText(body, "key_findings")).toContain("Heel pain, right | 6/10 (5 Jan 2026) | 8/10 (2 Apr 2026)");
    expect(sectionText(body, "chronology")).toContain("2 visits");
    expect(sectionText(body, "treatment")).toContain("Orthoses | custom orthoses, 3 mm medial post | from 5 Jan 2026 | not recorded");
    expect(sectionText(body, "referrer")).toBe(`Dr Ada Referrer\n${home.clinic.name}\nRegistration number: PT-555001`);
    const audit = await db.auditEvent.findMany({ where: { entityId: body.id }, select: { action: true, userId: true } });
    expect(audit).toEqual([{ action: "referral.create", userId: home.user.id }]);
  });

  it("rejects bad input with every field listed and stores nothing", async () => {
    const before = await db.referral.count({ where: { patientId } });
    const res = await create({ specialty: "astrology", urgency: "now", extra: 1 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("validation");
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["extra", "specialty", "urgency"]);
    const blank = await create({ specialty: "spine", urgency: "soon", question: "   ", differentialsExcluded: ["gout"] });
    expect(blank.status).toBe(400);
    expect((await blank.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(["differentialsExcluded[0]", "question"]);
    expect(await db.referral.count({ where: { patientId } })).toBe(before);
  });

  it("edits a draft, finalises it (stamped, locked), and only supersedes it by a new version", async () => {
    const draft = await (await create({ specialty: "spine", urgency: "soon" })).json();
    const patch = (json: unknown, id = draft.id) => callRoute(referralRoute.PATCH, "PATCH", { token: home.token, id, json });

    const edited = await patch({ sections: [{ key: "chronology", text: "Edited chronology." }, { key: "treatment", included: false }], comment: "See me." });
    expect(edited.status).toBe(200);
    const e = await edited.json();
    expect(sectionText(e, "chronology")).toBe("Edited chronology.");
    expect(e.sections.find((s: { key: string }) => s.key === "chronology").edited).toBe(true);
    expect(e.sections.find((s: { key: string }) => s.key === "treatment").included).toBe(false);
    expect(e.comment).toBe("See me.");
    expect(sectionText(e, "comment")).toBe("See me.");

    const locked = await patch({ sections: [{ key: "referrer", text: "Someone else" }] });
    expect(locked.status).toBe(400);
    expect((await locked.json()).issues[0].path).toBe("sections[0].key");

    // No question yet: the draft cannot be signed off.
    const early = await callRoute(finaliseRoute.POST, "POST", { token: home.token, id: draft.id });
    expect(early.status).toBe(400);
    expect((await early.json()).issues).toEqual([{ path: "question", message: expect.stringContaining("question for the recipient") }]);
    const asked = await (await patch({ question: "Lumbar screen: radicular or mechanical?" })).json();
    expect(asked.question).toBe("Lumbar screen: radicular or mechanical?");
    expect(sectionText(asked, "question")).toBe("Lumbar screen: radicular or mechanical?");

    const fin = await callRoute(finaliseRoute.POST, "POST", { token: home.token, id: draft.id });
    expect(fin.status).toBe(200);
    const f = await fin.json();
    expect(f.status).toBe("final");
    expect(f.finalizedBy).toEqual({ id: home.user.id, name: "Dr Ada Referrer" });
    expect(Date.parse(f.finalizedAt)).toBeGreaterThan(Date.now() - 60_000);
    // The referrer's rewritten text survives finalisation; the rest is brought up to that moment.
    expect(sectionText(f, "chronology")).toBe("Edited chronology.");

    expect((await patch({ comment: "changed" })).status).toBe(409);
    expect((await callRoute(finaliseRoute.POST, "POST", { token: home.token, id: draft.id })).status).toBe(409);
    const unchanged = await (await callRoute(referralRoute.GET, "GET", { token: home.token, id: draft.id })).json();
    expect(unchanged.comment).toBe("See me.");

    const v2res = await callRoute(supersedeRoute.POST, "POST", { token: home.token, id: draft.id });
    expect(v2res.status).toBe(201);
    const v2 = await v2res.json();
    expect(v2).toMatchObject({ status: "draft", version: 2, supersedesId: draft.id, question: "Lumbar screen: radicular or mechanical?" });
    expect(sectionText(v2, "chronology")).toBe("Edited chronology.");
    expect((await callRoute(supersedeRoute.POST, "POST", { token: home.token, id: draft.id })).status).toBe(409);
    // The old note stays final until the new version is finalised.
    expect((await (await callRoute(referralRoute.GET, "GET", { token: home.token, id: draft.id })).json()).status).toBe("final");
    await callRoute(finaliseRoute.POST, "POST", { token: home.token, id: v2.id });
    const old = await (await callRoute(referralRoute.GET, "GET", { token: home.token, id: draft.id })).json();
    expect(old.status).toBe("superseded");
    expect(old.supersededBy).toEqual({ id: v2.id, version: 2, status: "final" });

    const actions = await db.auditEvent.findMany({ where: { entityId: { in: [draft.id, v2.id] } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["referral.create", "referral.update", "referral.update", "referral.finalise", "referral.supersede", "referral.finalise"]);

    const list = await (await callRoute(createRoute.GET, "GET", { token: home.token, id: patientId })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([draft.id, v2.id]));
  });

  it("answers 404 for another clinic's patient or note, on every route", async () => {
    const note = await (await create({ specialty: "podiatry", urgency: "routine" })).json();
    expect((await create({ specialty: "podiatry", urgency: "routine" }, other.token)).status).toBe(404);
    expect((await callRoute(createRoute.GET, "GET", { token: other.token, id: patientId })).status).toBe(404);
    for (const [handler, method, json] of [
      [referralRoute.GET, "GET", undefined],
      [referralRoute.PATCH, "PATCH", { comment: "x" }],
      [finaliseRoute.POST, "POST", undefined],
      [supersedeRoute.POST, "POST", undefined],
      [pdfRoute.GET, "GET", undefined],
    ] as const) {
      const res = await callRoute(handler, method, { token: other.token, id: note.id, json });
      expect(res.status, `${method} ${handler.name}`).toBe(404);
      expect((await res.json()).error).toBe("not_found");
    }
    expect((await callRoute(referralRoute.GET, "GET", { token: home.token, id: "not-a-uuid" })).status).toBe(404);
    expect((await callRoute(referralRoute.GET, "GET", { id: note.id })).status).toBe(401);
  });

  it("renders a PDF whose text names the patient, the flags and the values", async () => {
    const note = await (
      await create({ specialty: "orthopaedics", urgency: "urgent", comment: "Heel ≥ 8/10 at night.", question: "Please assess the right heel: stress fracture?" })
    ).json();
    const { bytes, filename } = await renderReferralPdf(home.actor, note.id);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(filename).toMatch(/^referral-raman-[a-z0-9]+-priya-v1\.pdf$/);
    const parser = new PDFParse({ data: bytes });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain(`Priya ${familyName}`);
    expect(text).toContain("MRN MRN-77");
    expect(text).toContain("Please assess the right heel: stress fracture?");
    expect(text).toContain("Night pain");
    expect(text).toContain("Limited ankle dorsiflexion (right): Dorsiflexion, knee straight: right 7.5° (2 Apr 2026)");
    expect(text).toContain("Heel ≥ 8/10 at night.");
    expect(text).toContain("Registration number: PT-555001");
    expect(text).toContain("Flagged measures over time");
    expect(text).toContain("Right: 7° (5 Jan 2026) → 7.5° (2 Apr 2026), 2 values.");
    expect(text).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);

    const res = await callRoute(pdfRoute.GET, "GET", { token: home.token, id: note.id, query: "size=letter" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(body.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // US Letter is 612 × 792 points.
    expect(Buffer.from(body).toString("latin1")).toMatch(/MediaBox \[0 0 612 792\]/);
  });
});
