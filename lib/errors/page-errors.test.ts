import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "./app-errors";
import { pageErrorCode, pageErrorMessage } from "./page-errors";

describe("page error codes", () => {
  it("map errors to codes and codes to fixed messages", () => {
    expect(pageErrorCode(new ValidationError([{ path: "comment", message: "too long" }]))).toBe("validation");
    expect(pageErrorCode(new ConflictError("archived", [{ path: "patient", message: "the patient is archived" }]))).toBe("archived");
    expect(pageErrorCode(new NotFoundError("referral"))).toBe("not_found");
    expect(pageErrorMessage("archived")).toBe("This patient is archived. Restore the patient before recording or changing visits.");
  });

  it("never shows text from the URL", () => {
    expect(pageErrorMessage("Call 0800 555 0100")).toBe("That did not work. Reload the page and try again.");
    expect(pageErrorMessage("__proto__")).toBe("That did not work. Reload the page and try again.");
    expect(pageErrorMessage(["<b>x</b>", "archived"])).toBe("That did not work. Reload the page and try again.");
    expect(pageErrorMessage(undefined)).toBeUndefined();
  });
});
