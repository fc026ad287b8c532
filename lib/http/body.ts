// Reading a JSON request body with a size limit. Content-Length is checked first (cheap refusal),
// then the bytes actually read, because the header may be absent (chunked) or lie.
import { PayloadTooLargeError, ValidationError } from "@/lib/errors/app-errors";

/** Far above any real assessment (~21 measures × 2 sides plus notes is a few KiB). */
export const MAX_BODY_BYTES = 256 * 1024;

export interface JsonBody {
  value: unknown;
  /** The exact text received, e.g. for an idempotency fingerprint. */
  text: string;
}

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new PayloadTooLargeError(maxBytes);

  const text = await readTextWithLimit(request, maxBytes);
  if (text.trim() === "") {
    throw new ValidationError([{ path: "body", message: "the request body is empty; send a JSON object" }]);
  }
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch {
    throw new ValidationError([{ path: "body", message: "the request body is not valid JSON" }], "The request body is not valid JSON.");
  }
}

async function readTextWithLimit(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Stop reading at once: the rest of an oversized upload is never buffered.
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError([{ path: "body", message: "the request body is not UTF-8 text" }]);
  }
}

/** The body must be a JSON object (not an array, string or null) for every write route. */
export async function readJsonObject(request: Request, maxBytes = MAX_BODY_BYTES): Promise<JsonBody & { value: Record<string, unknown> }> {
  const body = await readJsonBody(request, maxBytes);
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
    throw new ValidationError([{ path: "body", message: "the request body must be a JSON object" }]);
  }
  return body as JsonBody & { value: Record<string, unknown> };
}
