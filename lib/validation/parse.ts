// Parsing untrusted input with a shared schema: every issue becomes a FieldIssue with the
// contract's path style ("measures[1].value"); an issue about the whole object is at "body".
import type { z, ZodError } from "zod";
import { ValidationError, type FieldIssue } from "@/lib/errors/app-errors";

export function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "body";
}

export function toFieldIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

/** Every issue of a failed zod parse, as the contract's field issues. */
export function zodIssues(error: ZodError): FieldIssue[] {
  return toFieldIssues(error.issues);
}

/** Parses or throws ValidationError listing every issue. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error.issues));
  return result.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are UUIDs; anything else cannot exist, and is answered like a missing record. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
