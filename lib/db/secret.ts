// AUTH_SECRET: required with a PostgreSQL server (several app servers must share it); in embedded
// mode one is generated once and kept beside the data, so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, type DatabaseConfig } from "./config";

export function authSecret(config: DatabaseConfig, env = process.env): string {
  const given = env.AUTH_SECRET?.trim();
  if (given) {
    if (given.length < 32) throw new ConfigError("AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 32`.");
    return given;
  }
  if (config.kind === "postgresql") {
    throw new ConfigError(
      "AUTH_SECRET is required when DATABASE_URL is set: generate one with `openssl rand -base64 32` and set it on every app server.",
    );
  }
  if (existsSync(config.secretFile)) return readFileSync(config.secretFile, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  // A fresh clone has no ./data yet: create every missing parent, readable by this user only.
  mkdirSync(path.dirname(config.secretFile), { recursive: true, mode: 0o700 });
  writeFileSync(config.secretFile, secret + "\n", { mode: 0o600 });
  return secret;
}
