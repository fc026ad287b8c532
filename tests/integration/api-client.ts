// Calls Next route handlers directly, as Next would: a Request with a bearer token, and params as
// a Promise (Next 16). Answers are read back as { status, headers, body }.
type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

export interface CallOptions {
  token?: string;
  /** A value to send as JSON. */
  json?: unknown;
  /** Exact body text (for non-JSON and oversized bodies). */
  raw?: string;
  headers?: Record<string, string>;
  id?: string;
  query?: string;
}

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(handler: Handler, method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (options.raw !== undefined) body = options.raw;
  if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const url = `http://localhost/api/v1${path}${options.query ? `?${options.query}` : ""}`;
  const request = new Request(url, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve({ id: options.id ?? "" }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
