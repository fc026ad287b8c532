// Unknown JSON keys are rejected with one issue per key, so a typo ("heigthCm") is reported
// instead of silently dropped. Shared by the API and the browser forms: zod only, no server code.
import { z } from "zod";

function unknownKeyMessage(allowed: readonly string[]): string {
  return `unknown field (allowed: ${allowed.join(", ")})`;
}

/**
 * Like z.strictObject, but each unknown key is its own issue at its own path, and the issues are
 * reported together with the other fields' issues (zod's strict mode reports one issue at "").
 */
export function objectWithoutUnknownKeys<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape);
  return z.looseObject(shape).superRefine(
    (value, ctx) => {
      for (const issue of unknownKeyIssues(value, allowed)) ctx.addIssue({ code: "custom", input: value, ...issue });
    },
    // Run even when other fields already failed, so every bad field is listed at once.
    { when: () => true },
  );
}

/** The same check for an object whose schema strips unknown keys (and that we do not own). */
export function unknownKeyIssues(
  value: unknown,
  allowed: readonly string[],
  path: (string | number)[] = [],
): { path: (string | number)[]; message: string }[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ path: [...path, key], message: unknownKeyMessage(allowed) }));
}
