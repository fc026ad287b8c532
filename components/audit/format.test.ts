import { afterEach, describe, expect, it } from "vitest";
import { formatDateTime } from "./format";

describe("formatDateTime (access log, audit, tokens)", () => {
  const zone = process.env.STRIDE_TIME_ZONE;
  afterEach(() => {
    if (zone === undefined) delete process.env.STRIDE_TIME_ZONE;
    else process.env.STRIDE_TIME_ZONE = zone;
  });

  it("writes the date as every page does, with the time, in the clinic's zone", () => {
    process.env.STRIDE_TIME_ZONE = "UTC";
    expect(formatDateTime("2026-12-01T10:58:12.000Z")).toBe("1 Dec 2026 10:58");
    process.env.STRIDE_TIME_ZONE = "Europe/Berlin";
    expect(formatDateTime("2026-11-30T23:30:00.000Z")).toBe("1 Dec 2026 00:30");
  });
});
