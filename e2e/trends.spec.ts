// The trends page of demo patients: a chart per recorded measure, both sides, normal and MDC
// bands, trend sentences, the table toggle, the range control, client navigation without Fetch
// Metadata, the measure explorer by keyboard, and no console errors.
import { spawnSync } from "node:child_process";
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
    await expect(lunge.locator("[data-series='left'] path[data-segment][stroke='#0072B2']")).toHaveCount(1);
    await expect(lunge.locator("[data-series='right'] path[data-segment][stroke='#D55E00']")).toHaveCount(1);
    await expect(lunge.locator("rect[data-band='normal'][fill='#c8e6c9']")).toHaveCount(1);
    await expect(lunge.locator("rect[data-band='mdc'][fill='url(#mdc-hatch-left)']")).toHaveCount(1);
    await expect(lunge.locator("rect[data-band='mdc'][fill='url(#mdc-hatch-right)']")).toHaveCount(1);
    await expect(lunge.getByTestId("trend-sentence").filter({ hasText: /^Right/ })).toHaveText(/^Right lunge test distance \+2\.4 cm since \d+ \w{3} \d{4}: real change, better\./);
    await expect(lunge.locator("svg[role='img']")).toHaveAttribute("aria-label", /Lunge test distance \(cm\)\. Normal: 12 ± 2\.8 cm\./);

    // The change of method is marked, and the line is broken there (two segments on the right).
    const df = page.getByTestId("chart-ankle_df_nwb_ext_deg");
    await expect(df.getByText("method changed").first()).toBeVisible();
    await expect(df.locator("[data-series='right'] path[data-segment][stroke='#D55E00']")).toHaveCount(2);
    await expect(df.getByTestId("trend-sentence").filter({ hasText: "method changed during this series" }).first()).toBeVisible();
    await expect(page.getByTestId("chart-ankle_df_nwb_ext_deg").getByText("Orthoses")).toBeVisible();

    // The table toggle shows the same values.
    await lunge.getByText("Show Lunge test distance table").click();
    const table = lunge.getByRole("table");
    await expect(table).toBeVisible();
    const visits = (await (await page.request.get(`/api/v1/patients/${id}/assessments`)).json()) as { measures: { code: string; side: string; value: number }[] }[];
    const lungeValues = visits.flatMap((v) => v.measures.filter((m) => m.code === "ankle_df_wblt_cm"));
    await expect(table.locator("tbody tr")).toHaveCount(lungeValues.length);
    await expect(table).toContainText(`${lungeValues.at(-1)!.value} cm`);

    await page.screenshot({ path: testInfo.outputPath("trends.png"), fullPage: true });

    // The range control changes the points shown (shareable URL, works as a plain link).
    const all = await valuesShown(page);
    await page.getByLabel("Dates", { exact: true }).selectOption("3m");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/range=3m/);
    const recent = await valuesShown(page);
    expect(recent).toBeGreaterThan(0);
    expect(recent).toBeLessThan(all);
    await page.getByTestId("chart-ankle_df_wblt_cm").getByText("Show Lunge test distance table").click();
    await expect(page.getByTestId("chart-ankle_df_wblt_cm").getByRole("table").locator("tbody tr")).not.toHaveCount(lungeValues.length);

    // Sides: right only.
    await page.getByLabel("Right only").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/show=right/);
    await expect(page.getByTestId("chart-ankle_df_wblt_cm").locator("[data-series='left'] path[data-segment][stroke='#0072B2']")).toHaveCount(0);
    await expect(page.getByTestId("chart-ankle_df_wblt_cm").locator("[data-series='right'] path[data-segment][stroke='#D55E00']")).toHaveCount(1);

    // No hover text in the page itself (the hover route gives it); jump links to each group.
    expect(await page.locator("figure svg title").count()).toBe(0);
    await page.getByRole("navigation", { name: "Chart groups" }).getByRole("link", { name: "Symptoms and function" }).click();
    await expect(page).toHaveURL(/#group-symptoms_function$/);

    expect(problems).toEqual([]);
  });

  test("the red-flag patient's summary says refer; keyboard reaches the controls; print hides them", async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await signIn(page, USERS.demo);
    const id = await patientId(page, "Raman");
    await page.goto(`/patients/${id}/trends`);
    await expect(page.getByText("Red flag: refer.")).toBeVisible();
    await expect(page.getByTestId("region-hip")).toBeVisible();

    // The charts are drawn on the server: its HTML holds each chart's SVG at a fixed aspect ratio
    // (viewBox), with the text alternative, the lines, the sentences and the tables.
    const html = await (await page.request.get(`/patients/${id}/trends`)).text();
    expect(html).toMatch(/<svg [^>]*viewBox="0 0 460 220" width="100%"[^>]* role="img" aria-label="Heel pain \(0-10\)\./);
    expect(html).toMatch(/<svg [^>]*data-chart="pain_heel_nprs"[^>]*>(?:(?!<\/svg>).)*data-series="left"(?:(?!<\/svg>).)*data-segment=/s);
    expect(html).toContain("Show Heel pain table");
    const heel = page.getByTestId("chart-pain_heel_nprs").locator("svg[role='img']");
    await expect(heel).toBeVisible();
    // Charts do not move: the box has its final size from the first paint (viewBox aspect ratio),
    // and nothing resizes it once the page has loaded.
    const box = (await heel.boundingBox())!;
    expect(Math.abs(box.height - (box.width * 220) / 460)).toBeLessThan(1);
    await page.waitForLoadState("networkidle");
    expect(await heel.boundingBox()).toEqual(box);

    await page.getByLabel("Dates", { exact: true }).focus();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("From (custom)")).toBeFocused();

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("region", { name: "Chart controls", includeHidden: true })).toBeHidden();
    await expect(page.getByTestId("chart-pain_heel_nprs").locator("svg[role='img']")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("trends-print.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  test("a full page load carries each chart once; charts stay through client navigation, back and forward", async ({ page }) => {
    const problems = watchConsole(page);
    await signIn(page, USERS.demo);
    const id = await patientId(page, "Raman");
    const response = await page.goto(`/patients/${id}/trends`);
    const html = await response!.text();
    const charts = page.locator("figure[data-testid^='chart-'] svg[role='img']");
    const count = await charts.count();
    expect(count).toBeGreaterThan(3);
    // Each chart is drawn in the HTML (the RSC payload inlined for hydration holds it again, escaped).
    expect(html.match(/<svg viewBox="0 0 460 220"[^>]* data-chart=/g)).toHaveLength(count);
    const heelLine = page.getByTestId("chart-pain_heel_nprs").locator("[data-series='left'] path[data-segment]");
    await expect(heelLine).not.toHaveCount(0);

    // Away by a client-side link, then the browser's back and forward: the router renders the page
    // again from what it kept, and the charts are still drawn.
    await page.locator("a.back-link").click();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}/trends$`));
    await expect(charts).toHaveCount(count);
    await expect(heelLine).not.toHaveCount(0);
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
    // Arriving by a client-side link (no HTML render), the payload itself carries the charts.
    await page.getByRole("link", { name: "Trends", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}/trends$`));
    await expect(charts).toHaveCount(count);
    await expect(heelLine).not.toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test("charts appear after client-side navigation when the browser sends no Sec-Fetch-Dest", async ({ page }) => {
    const problems = watchConsole(page);
    // Some browsers and proxies send no Fetch Metadata: strip it from every request of the page.
    await page.route("**/*", async (route) => {
      const headers = { ...route.request().headers() };
      delete headers["sec-fetch-dest"];
      delete headers["sec-fetch-mode"];
      delete headers["sec-fetch-site"];
      delete headers["sec-fetch-user"];
      await route.continue({ headers });
    });
    await signIn(page, USERS.demo);
    const id = await patientId(page, "Raman");
    await page.goto(`/patients/${id}`);
    await page.getByRole("link", { name: "Trends", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}/trends$`));
    const charts = page.locator("figure[data-testid^='chart-'] svg[role='img']");
    await expect(charts.first()).toBeVisible();
    expect(await charts.count()).toBeGreaterThan(3);
    await expect(page.getByTestId("chart-pain_heel_nprs").locator("[data-series='left'] path[data-segment]")).not.toHaveCount(0);
    // Back to the patient and forward again, all on the client.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
    await page.goForward();
    await expect(charts.first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("the measure explorer: the tooltip follows the arrow keys, Enter opens the visit", async ({ page }, testInfo) => {
    const problems = watchConsole(page);
    await signIn(page, USERS.demo);
    const id = await patientId(page, "Rivera");
    await page.goto(`/patients/${id}/trends`);
    await page.getByTestId("chart-ankle_df_wblt_cm").getByRole("link", { name: /^Explore/ }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}/trends/explore/ankle_df_wblt_cm$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Lunge test distance");
    const explorer = page.getByTestId("measure-explorer");
    const surface = explorer.locator(".recharts-wrapper [tabindex='0'], .recharts-surface[tabindex='0']").first();
    await expect(surface).toBeVisible();
    // Normal band, MDC bands and both sides' lines.
    await expect(explorer.locator(".recharts-reference-area")).not.toHaveCount(0);
    await expect(explorer.locator(".recharts-line")).toHaveCount(2);
    // Named for a screen reader: the chart, and the zoom handles by the dates they span.
    await expect(page.getByRole("application", { name: /Lunge test distance \(cm\), every visit/ })).toBeVisible();
    await expect(explorer.locator(".recharts-brush [aria-label]").first()).toHaveAttribute("aria-label", /^Zoom handles: from \d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}$/);
    // Axis labels are days ("12 Jul 2026"), never one month repeated.
    const dateLabels = explorer.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: /^\d{1,2} \w{3} \d{4}$/ });
    await expect(dateLabels.nth(1)).toBeVisible();
    const ticks = await dateLabels.allTextContents();
    expect(new Set(ticks).size).toBe(ticks.length);
    await surface.focus();
    const tooltip = explorer.getByTestId("explorer-tooltip");
    await page.keyboard.press("ArrowRight");
    await expect(tooltip).toBeVisible();
    const first = await tooltip.textContent();
    expect(first).toMatch(/\d{1,2} \w{3} \d{4}/);
    expect(first).toMatch(/Left: [\d.]+ cm · /);
    expect(first).toMatch(/Rated by /);
    await page.keyboard.press("ArrowRight");
    await expect(tooltip).not.toHaveText(first!);
    const second = (await tooltip.textContent())!;
    const date = /(\d{1,2} \w{3} \d{4})/.exec(second)![1]!;
    await page.keyboard.press("ArrowLeft");
    await expect(tooltip).toHaveText(first!);
    await page.keyboard.press("ArrowRight");
    await expect(tooltip).toHaveText(second);
    await explorer.screenshot({ path: testInfo.outputPath("explorer.png") });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/patients/${id}#visit-[0-9a-f-]{36}$`));
    const visitRow = page.locator(`tr${new URL(page.url()).hash}`);
    await expect(visitRow).toContainText(date);
    await expect(visitRow.getByRole("button", { name: /Hide/ })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("a long history: the line carries every value and hovering it shows the nearest one", async ({ page }, testInfo) => {
    test.skip(!!process.env.E2E_BASE_URL, "seeds the server's own embedded database through the CLI");
    // 70 weekly visits: more than a marker per value can show (DENSE_SERIES_POINTS is 60).
    const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "seed-synthetic", "--clinic", USERS.demo.clinic, "--patients", "1", "--visits", "70", "--seed", "3"], {
      env: { ...process.env, PGLITE_DIR: process.env.STRIDE_E2E_PGLITE_DIR },
      encoding: "utf8",
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    const problems = watchConsole(page);
    await signIn(page, USERS.demo);
    // Synthetic patients have MRNs "SYN-…"; this is the demo clinic's only one.
    const found = (await (await page.request.get("/api/v1/patients?q=SYN-")).json()) as { id: string; mrn: string | null }[];
    const id = found.find((p) => p.mrn?.startsWith("SYN-"))!.id;
    await page.goto(`/patients/${id}/trends`);
    const lunge = page.getByTestId("chart-ankle_df_wblt_cm");
    const svg = lunge.locator("svg[role='img']");
    await expect(svg).toHaveAttribute("aria-label", /Left: 70 values shown/);
    // Few markers (flagged, method changed, latest) and no hover text in the page; the page's hover
    // asks for the chart's values and finds the one under the pointer: the left line's first point.
    expect(await lunge.locator("[data-series='left'] path:not([data-segment])").count()).toBeLessThan(10);
    const d = (await lunge.locator("[data-series='left'] path[data-segment]").first().getAttribute("d"))!;
    const [x, y] = d.slice(1).split(/[ l]/).map(Number) as [number, number];
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    const [px, py] = [box.x + (x / 460) * box.width, box.y + (y / 220) * box.height];
    // The chart's hover is live once the page has hydrated; the pointer keeps moving until it is.
    const hoverData = page.waitForResponse((r) => r.url().includes(`/patients/${id}/trends/hover?`));
    await expect(async () => {
      await page.mouse.move(px + 1, py);
      await page.mouse.move(px, py);
      await expect(lunge.getByRole("tooltip")).toBeVisible({ timeout: 1000 });
    }).toPass();
    expect((await hoverData).status()).toBe(200);
    await expect(lunge.getByRole("tooltip")).toHaveText(/^Left: \d+(\.\d)? cm · \d{1,2} \w{3} \d{4} · method not recorded · rated by /);
    await lunge.screenshot({ path: testInfo.outputPath("trends-hover.png") });
    await page.mouse.move(0, 0);
    await expect(lunge.getByRole("tooltip")).toHaveCount(0);
    // The table is one link away.
    await lunge.getByText("Show Lunge test distance table").click();
    await lunge.getByRole("link", { name: /Show all 140 values as a table/ }).click();
    await expect(page.getByTestId("chart-ankle_df_wblt_cm").getByRole("table").locator("tbody tr")).toHaveCount(140);
    expect(problems).toEqual([]);
  });
});
