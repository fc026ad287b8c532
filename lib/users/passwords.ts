// Password hashing and the password rule (NIST 800-63B style: length, not composition).
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;

/** A short list of the passwords most often seen in breaches; longer lists can be added later. */
const COMMON_PASSWORDS = new Set([
  "123456789012", "password1234", "passwordpassword", "qwertyuiopas", "111111111111",
  "iloveyou1234", "letmein12345", "welcome12345", "administrator", "changeme1234",
  "password123!", "qwerty123456", "abc123456789", "football1234", "monkey123456",
]);

/** Returns the problem with a password in words, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  }
  if (password.length > 256) return "password must be at most 256 characters long";
  if (password.trim() === "") return "password must not be only spaces";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "password is too common; choose another";
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against for unknown emails, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash("stride-dummy-password-for-timing");
  return dummyHash;
}
