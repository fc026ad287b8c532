import { expect, signIn, test, USERS } from "./fixtures";

test("the patient list works on a 768 px tablet and prints without navigation", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, USERS.demo);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByLabel("Search patients")).toBeVisible();

  // The page itself never scrolls sideways (a wide table scrolls inside its own box).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // …and at 768 px the patient table fits without scrolling either.
  const tableOverflow = await page.getByRole("table").evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
  expect(tableOverflow).toBeLessThanOrEqual(0);

  // Touch targets: sign-out, search and patient links are at least 44 px tall.
  for (const target of [
    page.getByRole("button", { name: "Sign out" }),
    page.getByRole("button", { name: "Search" }),
    page.getByRole("table").getByRole("link").first(),
  ]) {
    const box = await target.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
  await page.screenshot({ path: testInfo.outputPath("patients-768.png"), fullPage: true });

  // The skip link is the first thing the keyboard reaches, and it is visible when focused.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeInViewport();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("table")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("patients-print.png"), fullPage: true });
});

test("at tablet width the caseload's names wrap between words, never inside one", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, USERS.demo);
  await page.goto("/");
  await expect(page.locator("a.patient-link", { hasText: "Nakamura" }).first()).toBeVisible();
  // Every word of every name link lies on one line (a word split across lines has two boxes).
  // "Nakamura, Robert" is a demo name; other specs' patients may add longer ones.
  const broken = await page.evaluate(() => {
    const out: string[] = [];
    for (const link of document.querySelectorAll("a.patient-link")) {
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/\S+/g)) {
          // Names other specs make ("Keyboard-1796065268964") are IDs, not words: a single word
          // wider than its column may be broken, so only real names' words are checked.
          if (/\d/.test(match[0])) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(match[0]);
        }
      }
    }
    return out;
  });
  expect(broken).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("caseload-768.png"), fullPage: true });
});
