// Errors a user can cause, typed so that the API and the pages turn them into responses in one
// place (lib/http/responses.ts) instead of each handler guessing.

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large" | "unsupported_media_type" | "rate_limited",
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[], message = "Some fields are not valid.") {
    super("validation", 400, message, issues);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in, or send a valid API token.") {
    super("unauthenticated", 401, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what = "record") {
    super("not_found", 404, `No such ${what}.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super("conflict", 409, message, issues);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super("forbidden", 403, message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super("too_large", 413, `The request body is larger than ${Math.floor(limitBytes / 1024)} KiB.`);
  }
}

/** Too many requests or sign-in attempts; the answer carries Retry-After. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(received: string | null) {
    super(
      "unsupported_media_type",
      415,
      received ? `The request body must be JSON (Content-Type: application/json), not ${received.split(";")[0]!.trim().slice(0, 100)}.` : "The request body must be JSON: send Content-Type: application/json.",
    );
  }
}

export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many requests.",
  ) {
    super("rate_limited", 429, message);
  }
}
