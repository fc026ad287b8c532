// Text from outside that the database cannot hold or that must never be read as a field name:
// a NUL character (PostgreSQL text cannot store it, so it used to surface as a 500), and a
// `__proto__` key (JSON.parse keeps it as an ordinary key, but copying it into an object would
// set the prototype instead). Refused with a field error wherever input enters: JSON bodies, query
// strings and pages' search params, and (as a net under server actions and the CLI) every value a
// query sends to the database. Shared by the proxy, the API and the database client: no I/O here.
import type { FieldIssue } from "@/lib/errors/app-errors";

export const NUL_MESSAGE = "must not contain a NUL character";
export const PROTO_KEY_MESSAGE = "unknown field";

export const hasNul = (text: string): boolean => text.includes("\u0000");

function pathText(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || "body";
}

/**
 * NUL characters in any string or key of a parsed JSON value, and `__proto__` keys, each at its
 * path ("measures[1].notes"). `skip` leaves out wrapper keys (the database client's "data",
 * "where", …) so the path names the field as the user sent it.
 */
export function untrustedValueIssues(value: unknown, path: (string | number)[] = [], skip?: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<object>();
  const walk = (node: unknown, at: (string | number)[]) => {
    if (typeof node === "string") {
      if (hasNul(node)) issues.push({ path: pathText(at), message: NUL_MESSAGE });
      return;
    }
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    if (node instanceof Date || ArrayBuffer.isView(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...at, index]));
      return;
    }
    for (const key of Object.keys(node)) {
      const next = skip?.has(key) ? at : [...at, key];
      if (key === "__proto__") issues.push({ path: pathText(next), message: PROTO_KEY_MESSAGE });
      else if (hasNul(key)) issues.push({ path: pathText(at), message: `a field name ${NUL_MESSAGE}` });
      walk((node as Record<string, unknown>)[key], next);
    }
  };
  walk(value, path);
  return issues;
}

/** NUL characters in a query string's names or values, at "query.<name>". */
export function searchParamIssues(params: URLSearchParams): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [name, value] of params) {
    if (hasNul(name) || hasNul(value)) issues.push({ path: `query.${name.replace(/\u0000/g, "\\0")}`, message: NUL_MESSAGE });
  }
  return issues;
}

/**
 * Whether JSON text nests arrays and objects deeper than `max`, found by scanning the text (strings
 * skipped) before JSON.parse builds anything: a deeply nested body is refused cheaply.
 */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
