// The one renderer is the only way in: every dangerouslySetInnerHTML in the app takes Markup
// through innerHtml() (lib/markup/html), never a plain string built by hand.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [rel] : [];
  });
}

describe("markup reaches the page only through innerHtml()", () => {
  it("every dangerouslySetInnerHTML is given innerHtml(…)", () => {
    const offenders: string[] = [];
    for (const file of ["app", "components", "lib"].flatMap(sources)) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const match of text.matchAll(/dangerouslySetInnerHTML=\{([^}]{0,20})/g)) {
        if (!match[1]!.startsWith("innerHtml(")) offenders.push(`${file}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
