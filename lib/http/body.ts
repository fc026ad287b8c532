// Reading a JSON request body: a JSON Content-Type (else 415), a size limit (Content-Length is
// checked first, a cheap refusal, then the bytes actually read, because the header may be absent
// or lie), a nesting limit checked on the text before parsing, and no NUL character or `__proto__`
// key anywhere in the parsed value (400 naming the field).
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "@/lib/errors/app-errors";
import { jsonNestingExceeds, untrustedValueIssues } from "@/lib/validation/untrusted-text";

/** Far above any real assessment (~21 measures × 2 sides plus notes is a few KiB). */
export const MAX_BODY_BYTES = 256 * 1024;

/** No Stride body nests deeper than 4; 32 leaves room and stops pathological input early. */
export const MAX_JSON_DEPTH = 32;

/** application/json, or a +json type (application/merge-patch+json), with any parameters. */
function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

export interface JsonBody {
  value: unknown;
  /** The exact text received, e.g. for an idempotency fingerprint. */
  text: string;
}

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<JsonBody> {
  const contentType = request.headers.get("content-type");
  if (!isJsonContentType(contentType)) throw new UnsupportedMediaTypeError(contentType);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new PayloadTooLargeError(maxBytes);

  const text = await readTextWithLimit(request, maxBytes);
  if (text.trim() === "") {
    throw new ValidationError([{ path: "body", message: "the request body is empty; send a JSON object" }]);
  }
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
    throw new ValidationError([{ path: "body", message: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError([{ path: "body", message: "the request body is not valid JSON" }], "The request body is not valid JSON.");
  }
  const issues = untrustedValueIssues(value);
  if (issues.length) throw new ValidationError(issues);
  return { value, text };
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
