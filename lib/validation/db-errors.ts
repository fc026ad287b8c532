// Database errors that a user's request can cause, recognised so they become 409s instead of 500s.
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique-constraint violation: another request stored the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
