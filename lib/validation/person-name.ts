// What a person's name may hold (patients and users): at least one letter, in any script; no
// control characters (NUL, tabs, line breaks…) and no bidirectional override, embedding or isolate
// characters, which can make a name display as something other than what is stored ("Trojan
// Source"). Zero-width joiners stay allowed inside a name (Persian and Indic names use them), but a
// name of only invisible characters has no letter and is refused. Shared by API and forms: zod only.
import { z } from "zod";

const LETTER = /\p{L}/u;
const CONTROL = /\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** Why `name` is not a plausible name, or undefined when it is. */
export function personNameProblem(name: string, field: string): string | undefined {
  if (CONTROL.test(name)) return `${field} must not contain control characters (such as NUL, tab or line breaks)`;
  if (BIDI_CONTROL.test(name)) return `${field} must not contain bidirectional override characters (U+202A to U+202E, U+2066 to U+2069)`;
  if (!LETTER.test(name)) return `${field} must contain a letter`;
  return undefined;
}

/** Adds the name checks to a string schema (after its trim and length checks). */
export function withPersonNameChecks<S extends z.ZodType<string>>(schema: S, field: string) {
  return schema.superRefine((value, ctx) => {
    const problem = personNameProblem(value, field);
    if (problem) ctx.addIssue({ code: "custom", input: value, message: problem });
  });
}
