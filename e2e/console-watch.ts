// Collects console errors and warnings and uncaught page errors, so a spec can fail on any
// (hydration mismatches are reported as console errors by React).
import type { Page } from "@playwright/test";

export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      const where = message.location().url;
      problems.push(`${message.type()}: ${message.text()}${where ? ` (${where})` : ""}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}
