// Operator CLI (contract section 4): `npm run cli -- <command>`.
// Works while the server runs on the embedded database: it connects to the database the server
// serves instead of opening the files a second time.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { openDatabase, type OpenDatabase } from "@/lib/db/connect";
import { ConfigError } from "@/lib/db/config";
import { applyMigrations, migrationStatus, MigrationError } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors/app-errors";

const USAGE = `usage: npm run cli -- <command>

  user create --clinic NAME --email E --role clinician|admin [--name N] [--password-stdin]
  token create --email E [--name LABEL]
  db migrate        apply pending migrations
  db status         list applied and pending migrations`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
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
    console.error(error);
    process.exit(1);
  },
);
