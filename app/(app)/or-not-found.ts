import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors/app-errors";

/**
 * Runs a read for a page and shows the not-found page when the record does not exist or belongs
 * to another clinic (the data layer answers both with NotFoundError, so the page cannot tell).
 */
export async function orNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
