// The trends page of demo patients: a chart per recorded measure, both sides, normal and MDC
// bands, trend sentences, the table toggle, the range control, and no console errors.
import type { Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";
import { watchConsole } from "./console-watch";

async function patientId(page: Page, family: string): Promise<string> {
  const res = await page.request.get(`/api/v1/patients?q=${family}`);
  const body = (await res.json()) as { id: string }[];
  return body[0]!.id;
}

async function recordedCodes(page: Page, id: string): Promise<string[]> {
  const visits = (await (await page.request.get(`/api/v1/patients/${id}/assessments`)).json()) as { measures: { code: string }[] }[];
  return [...new Set(visits.flatMap((v) => v.measures.map((m) => m.code)))].sort();
}

/** The number in the page's "N values shown." status line. */
async function valuesShown(page: Page): Promise<number> {
  const text = (await page.getByText(/^\d+ values shown\.$/).textContent()) ?? "";
  return Number.parseInt(text, 10);
}

test.describe("patient trends", () => {
  test("a chart per recorded measure, both sides, bands, sentences, table and range", async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await signIn(page, USERS.demo);
    const id = await patientId(page, "Rivera");
    // A treatment event, so the vertical marker is drawn too.
    const tx = await page.request.post(`/api/v1/patients/${id}/treatments`, {
      data: { kind: "orthoses", occurredAt: new Date(Date.now() - 60 * 86_400_000).toISOString() },
      // Writes with the session cookie must come from the site itself.
      headers: { origin: new URL(page.url()).origin },
    });
    expect(tx.status()).toBe(201);

    // From the patient page, by its link.
    await page.goto(`/patients/${id}`);
    await page.getByRole("link", { name: "Trends" }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}/trends$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Carlos Rivera");

    // One chart per recorded measure, in groups of the chain.
    const codes = await recordedCodes(page, id);
    const figures = page.locator("figure[data-testid^='chart-']");
    await expect(figures).toHaveCount(codes.length);
    const shown = (await figures.evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")!.replace("chart-", "")))).sort();
    expect(shown).toEqual(codes);
    await expect(page.getByRole("heading", { name: "Foot and ankle", level: 2 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Symptoms and function", level: 2 })).toBeVisible();

    // The lunge test chart: both sides drawn, the normal band, the MDC band and the sentence.
    const lunge = page.getByTestId("chart-ankle_df_wblt_cm");
    await expect(lunge.locator("path.recharts-curve[stroke='#0072B2']")).toHaveCount(1);
    await expect(lunge.locator("path.recharts-curve[stroke='#E69F00']")).toHaveCount(1);
    await expect(lunge.locator(".recharts-reference-area-rect[fill='#c8e6c9']")).toHaveCount(1);
    await expect(lunge.locator(".recharts-reference-area-rect[fill='url(#mdc-hatch-left)']")).toHaveCount(1);
    await expect(lunge.locator(".recharts-reference-area-rect[fill='url(#mdc-hatch-right)']")).toHaveCount(1);
    await expect(lunge.getByTestId("trend-sentence").filter({ hasText: /^Right/ })).toHaveText(/^Right lunge test distance \+2\.4 cm since \d+ \w{3} \d{4}: real change, better\./);
    await expect(lunge.locator("div[role='img']")).toHaveAttribute("aria-label", /Lunge test distance \(cm\)\. Normal: 12 ± 2\.8 cm\./);

    // The change of method is marked, and the line is broken there (two segments on the right).
    const df = page.getByTestId("chart-ankle_df_nwb_ext_deg");
    await expect(df.getByText("method changed").first()).toBeVisible();
    await expect(df.locator("path.recharts-curve[stroke='#E69F00']")).toHaveCount(2);
    await expect(df.getByTestId("trend-sentence").filter({ hasText: "method changed during this series" }).first()).toBeVisible();
    await expect(page.getByTestId("chart-ankle_df_nwb_ext_deg").getByText("Orthoses")).toBeVisible();

    // The table toggle shows the same values.
    await lunge.getByText("Show table").click();
    const table = lunge.getByRole("table");
    await expect(table).toBeVisible();
    const visits = (await (await page.request.get(`/api/v1/patients/${id}/assessments`)).json()) as { measures: { code: string; side: string; value: number }[] }[];
    const lungeValues = visits.flatMap((v) => v.measures.filter((m) => m.code === "ankle_df_wblt_cm"));
    await expect(table.locator("tbody tr")).toHaveCount(lungeValues.length);
    await expect(table).toContainText(`${lungeValues.at(-1)!.value} cm`);

    await page.screenshot({ path: testInfo.outputPath("trends.png"), fullPage: true });

    // The range control changes the points shown (shareable URL, works as a plain link).
    const all = await valuesShown(page);
    await page.getByRole("navigation", { name: "Date range" }).getByRole("link", { name: "3 months" }).click();
    await expect(page).toHaveURL(/range=3m/);
    const recent = await valuesShown(page);
    expect(recent).toBeGreaterThan(0);
    expect(recent).toBeLessThan(all);
    await page.getByTestId("chart-ankle_df_wblt_cm").getByText("Show table").click();
    await expect(page.getByTestId("chart-ankle_df_wblt_cm").getByRole("table").locator("tbody tr")).not.toHaveCount(lungeValues.length);

    // Sides: right only.
    await page.getByLabel("Right only").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/show=right/);
    await expect(page.getByTestId("chart-ankle_df_wblt_cm").locator("path.recharts-curve[stroke='#0072B2']")).toHaveCount(0);

    // Hover shows the exact value with unit, date, method and rater.
    await page.getByTestId("chart-ankle_df_nwb_ext_deg").locator("svg.recharts-surface").hover({ position: { x: 430, y: 110 } });
    await expect(page.getByTestId("chart-ankle_df_nwb_ext_deg").locator(".recharts-tooltip-wrapper")).toContainText(/Right: -?\d+(\.\d)?° · iPhone inclinometer · rated by /);

    expect(problems).toEqual([]);
  });

  test("the red-flag patient's summary says refer; keyboard reaches the controls; print hides them", async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await signIn(page, USERS.demo);
    const id = await patientId(page, "Raman");
    await page.goto(`/patients/${id}/trends`);
    await expect(page.getByText("Red flag: refer.")).toBeVisible();
    await expect(page.getByTestId("region-hip")).toBeVisible();

    // recharts 3 draws its SVG only in the browser (upstream issue recharts#5997), so the server's
    // HTML reserves each chart box at its final size, with the text alternative, sentences and tables.
    const html = await (await page.request.get(`/patients/${id}/trends`)).text();
    expect(html).toContain('style="width:460px;height:220px" role="img" aria-label="Heel pain (0-10).');
    expect(html).toContain("Show table");
    await expect(page.getByTestId("chart-pain_heel_nprs").locator("svg.recharts-surface")).toBeVisible();
    // Charts do not move when the client takes over: the box has its final size in the server HTML.
    const box = await page.getByTestId("chart-pain_heel_nprs").locator("div[role='img']").boundingBox();
    expect(box).toMatchObject({ width: 460, height: 220 });

    await page.getByRole("link", { name: "12 months" }).focus();
    await expect(page.getByRole("link", { name: "12 months" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Range", { exact: true })).toBeFocused();

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("region", { name: "Chart controls", includeHidden: true })).toBeHidden();
    await expect(page.getByTestId("chart-pain_heel_nprs").locator("svg.recharts-surface")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("trends-print.png"), fullPage: true });
    expect(problems).toEqual([]);
  });
});
