// The handoff of server-built markup from the server-component render to the HTML render of the
// same request (lib/markup/handoff): taken by id, never by another id, and swept when unclaimed.
import { describe, expect, it } from "vitest";
import { leaveMarkup, pendingMarkupCount, takeMarkup } from "./handoff";

describe("markup handoff", () => {
  it("gives each block its own id and hands back exactly that block", () => {
    const a = leaveMarkup("<svg>a</svg>");
    const b = leaveMarkup("<svg>b</svg>");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^markup-[0-9a-f-]{36}$/);
    expect(takeMarkup(b)).toBe("<svg>b</svg>");
    expect(takeMarkup(a)).toBe("<svg>a</svg>");
    expect(takeMarkup("markup-00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("still has a block taken a moment ago (a component rendered twice in one pass)", () => {
    const id = leaveMarkup("<p>twice</p>");
    expect(takeMarkup(id)).toBe("<p>twice</p>");
    expect(takeMarkup(id)).toBe("<p>twice</p>");
  });

  it("sweeps blocks nobody took (a request aborted between the two renders) after a minute", () => {
    const t0 = Date.now() + 10 * 60_000;
    const stale = leaveMarkup("<p>stale</p>", t0);
    const before = pendingMarkupCount();
    const fresh = leaveMarkup("<p>fresh</p>", t0 + 61_000);
    expect(takeMarkup(stale)).toBeUndefined();
    expect(takeMarkup(fresh)).toBe("<p>fresh</p>");
    expect(pendingMarkupCount()).toBeLessThanOrEqual(before);
  });
});
