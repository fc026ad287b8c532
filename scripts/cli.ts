// Operator CLI (contract section 4): `npm run cli -- <command>`.
// Works while the server runs on the embedded database: it connects to the database the server
// serves instead of opening the files a second time.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { openDatabase, type OpenDatabase } from "@/lib/db/connect";
import { ConfigError } from "@/lib/db/config";
import { applyMigrations, migrationStatus, MigrationError } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors/app-errors";
import { BACKUP_USAGE, backupCommand, restoreCommand } from "@/lib/backup/commands";

const USAGE = `usage: npm run cli -- <command>

  user create --clinic NAME --email E --role clinician|admin [--name N] [--password-stdin]
  token create --email E [--name LABEL]
  db migrate        apply pending migrations
  db status         list applied and pending migrations
  seed-synthetic [--patients N] [--visits N] [--clinic NAME] [--seed N]
                    fill a clinic with synthetic histories (load and scale testing)
  status repair [--show N]
                    recompute every patient's stored flag evaluation; report (up to N of) the stale ones
${BACKUP_USAGE}`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
  if (group === "seed-synthetic") return seedSyntheticCommand(argv.slice(1));
  if (group === "backup") return backupCommand(argv.slice(1), withDatabase);
  if (group === "restore") return restoreCommand(argv.slice(1), withDatabase);
  const command = `${group ?? ""} ${action ?? ""}`.trim();
  switch (command) {
    case "db migrate":
      return withDatabase(async (database) => {
        const applied = await applyMigrations(database.url);
        console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "No pending migrations.");
        return 0;
      });
    case "db status":
      return withDatabase(async (database) => {
        const status = await migrationStatus(database.url);
        console.log(`Database: ${database.kind}`);
        for (const name of status.applied) console.log(`  applied  ${name}`);
        for (const name of status.pending) console.log(`  pending  ${name}`);
        for (const name of status.failed) console.log(`  FAILED   ${name}`);
        for (const name of status.edited) console.log(`  EDITED   ${name} (changed after it was applied)`);
        for (const name of status.unknown) console.log(`  unknown  ${name} (applied, but not in prisma/migrations)`);
        console.log(status.pending.length ? `${status.pending.length} pending: run "npm run cli -- db migrate".` : "Up to date.");
        return status.failed.length ? 1 : 0;
      });
    case "user create":
      return userCreate(rest);
    case "token create":
      return tokenCreate(rest);
    case "status repair":
      return withDatabase(async () => {
        const { values } = parseArgs({ args: rest, options: { show: { type: "string", default: "20" } } });
        const { repairStatuses, describeStale } = await import("@/lib/patients/status-repair");
        const report = await repairStatuses({ keep: Number(values.show) || 0, onProgress: progressBar("patients") });
        for (const stale of report.examples) console.log(`  stale: ${describeStale(stale)}`);
        if (report.stale > report.examples.length) console.log(`  … and ${report.stale - report.examples.length} more`);
        console.log(`Checked ${report.checked} patients in ${report.seconds.toFixed(1)} s: ${report.stale} stale, now repaired.`);
        return 0;
      });
    default:
      throw new UsageError(group ? `unknown command "${command}"` : "no command given");
  }
}

async function userCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      clinic: { type: "string" },
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "registration-number": { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  if (!values.clinic || !values.email || !values.role) throw new UsageError("user create needs --clinic, --email and --role");
  if (values.role !== "clinician" && values.role !== "admin") throw new UsageError(`--role must be clinician or admin, not "${values.role}"`);
  const role = values.role;
  const password = values["password-stdin"] ? await readStdin() : await promptHidden("Password (12 characters or more): ");
  return withDatabase(async () => {
    const { createUserInClinic } = await import("@/lib/users/mutations");
    const user = await createUserInClinic({
      clinicName: values.clinic!,
      email: values.email!,
      name: values.name,
      role,
      password,
      registrationNumber: values["registration-number"],
    });
    if (user.clinicCreated) console.log(`Created clinic "${values.clinic}".`);
    console.log(`Created ${role} ${values.email!.toLowerCase()} (id ${user.id}).`);
    return 0;
  });
}

async function tokenCreate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email) throw new UsageError("token create needs --email");
  return withDatabase(async () => {
    const { createApiTokenForEmail } = await import("@/lib/auth/api-tokens");
    const token = await createApiTokenForEmail(values.email!, values.name ?? "cli");
    console.error("New API token (shown once; store it now):");
    console.log(token.secret);
    return 0;
  });
}

async function seedSyntheticCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      patients: { type: "string", default: "5000" },
      visits: { type: "string", default: "20" },
      clinic: { type: "string", default: "Synthetic Clinic" },
      seed: { type: "string", default: "1" },
    },
  });
  const patients = Number(values.patients);
  const visits = Number(values.visits);
  if (!Number.isInteger(patients) || patients < 1 || patients > 1_000_000) throw new UsageError("--patients must be a whole number from 1 to 1000000");
  if (!Number.isInteger(visits) || visits < 1 || visits > 500) throw new UsageError("--visits must be a whole number from 1 to 500");
  return withDatabase(async (database) => {
    const { db } = await import("@/lib/db/client");
    const { seedSynthetic } = await import("@/lib/seed/synthetic");
    const pg = (await import("pg")).default;
    const clinicName = values.clinic!;
    const clinic = (await db.clinic.findUnique({ where: { name: clinicName }, select: { id: true } })) ??
      (await db.clinic.create({ data: { name: clinicName }, select: { id: true } }));
    const rater = (await db.user.findFirst({ where: { clinicId: clinic.id }, select: { id: true }, orderBy: { createdAt: "asc" } })) ??
      (await db.user.create({
        // Cannot sign in: the hash is not an argon2 hash and the user is inactive.
        data: { clinicId: clinic.id, email: `synthetic-rater+${clinic.id}@stride.invalid`, name: "Synthetic Rater", passwordHash: "!", active: false },
        select: { id: true },
      }));
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const started = Date.now();
    try {
      const counts = await seedSynthetic(pool, {
        patients,
        visits,
        clinicId: clinic.id,
        raterId: rater.id,
        seed: Number(values.seed),
        onProgress: progressBar("patients"),
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`Seeded "${clinicName}": ${counts.patients} patients, ${counts.assessments} assessments, ${counts.measures} measure values in ${seconds} s.`);
    } finally {
      await pool.end();
    }
    return 0;
  });
}

/** A progress bar on stderr (a line per 10 % when stderr is not a terminal). */
function progressBar(what: string) {
  let lastDecile = -1;
  return (done: number, total: number) => {
    const fraction = done / total;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${what}${done === total ? "\n" : ""}`);
    } else if (Math.floor(fraction * 10) > lastDecile) {
      lastDecile = Math.floor(fraction * 10);
      process.stderr.write(`${done}/${total} ${what} (${Math.round(fraction * 100)} %)\n`);
    }
  };
}

async function withDatabase(work: (database: OpenDatabase) => Promise<number>): Promise<number> {
  const database = await openDatabase();
  process.env.STRIDE_DATABASE_URL = database.url;
  process.env.STRIDE_DATABASE_KIND = database.kind;
  try {
    return await work(database);
  } finally {
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput(s: string): void; output: NodeJS.WritableStream };
    output._writeToOutput = (s: string) => {
      if (s.startsWith(question)) output.output.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof AppError) {
      const details = error.issues.map((i) => `${i.path}: ${i.message}`).join("; ");
      console.error(`error: ${details || error.message}`);
      process.exit(error.code === "validation" ? 2 : 1);
    }
    if (error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    if (String((error as { code?: unknown })?.code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    // Anything else is still one line (operations.md); STRIDE_DEBUG=1 shows the whole error.
    console.error(`error: ${unexpectedErrorLine(error)}`);
    if (process.env.STRIDE_DEBUG) console.error(error);
    process.exit(1);
  },
);

/** One line for an error no command expected: the database's state, or the message's first line. */
function unexpectedErrorLine(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; errors?: { code?: unknown }[] };
  const codes = [e.code, ...(e.errors ?? []).map((inner) => inner.code)].map(String);
  const message = typeof e.message === "string" ? e.message : String(error);
  if (codes.includes("ECONNREFUSED")) {
    return "cannot connect to the database (connection refused): check DATABASE_URL and that the PostgreSQL server runs";
  }
  if (codes.includes("3D000")) return `the database in DATABASE_URL does not exist (${firstLine(message)})`;
  if (codes.includes("P2021") || codes.includes("42P01") || /table `[^`]+` does not exist/.test(message)) {
    return 'the database has no Stride tables yet: run "npm run cli -- db migrate" first';
  }
  return `${firstLine(message) || "unexpected error"} (STRIDE_DEBUG=1 shows the details)`;
}

function firstLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line.length > 0);
  // Prisma's messages start with where the call was made and a code frame; the cause is last.
  return (/^Invalid `.*` invocation/.test(lines[0] ?? "") ? lines.at(-1) : lines[0]) ?? "";
}
