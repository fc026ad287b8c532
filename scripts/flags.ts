// The flag engine on the command line (contract section 2):
//   npm run --silent flags -- FILE      (or "-" for standard input)
// Reads one patient history as JSON and prints the evaluation as JSON. Touches no database.
// Bad input exits with status 2 and exactly one line on stderr naming the offending field;
// nothing is printed on stdout then.

import { readFileSync } from "node:fs";
import { evaluate } from "../lib/clinical/evaluate";
import { parseHistoryInput } from "../lib/assessments/history-input";

const BAD_INPUT = 2;

class BadInput extends Error {}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

function readSource(arg: string | undefined): string {
  if (arg === undefined || arg === "") {
    throw new BadInput("FILE: missing argument (usage: npm run --silent flags -- FILE, or - for standard input)");
  }
  try {
    const text = readFileSync(arg === "-" ? 0 : arg, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    const where = arg === "-" ? "standard input" : JSON.stringify(arg);
    throw new BadInput(`FILE: cannot read ${where} (${code})`);
  }
}

function run(argv: readonly string[]): string {
  const text = readSource(argv[0]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BadInput(`input: not valid JSON (${(e as Error).message})`);
  }
  const parsed = parseHistoryInput(json);
  if ("error" in parsed) throw new BadInput(parsed.error);
  return `${JSON.stringify(evaluate(parsed.history), null, 2)}\n`;
}

try {
  process.stdout.write(run(process.argv.slice(2)));
} catch (e) {
  if (e instanceof BadInput) {
    process.stderr.write(`${oneLine(e.message)}\n`);
    process.exitCode = BAD_INPUT;
  } else {
    process.stderr.write(`${oneLine(`internal error: ${(e as Error).message ?? String(e)}`)}\n`);
    process.exitCode = 1;
  }
}
