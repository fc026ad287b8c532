// The Content-Security-Policy and HSTS, set by the proxy on every page and API answer. Scripts
// run only with this request's nonce ('strict-dynamic' lets Next's own chunks load theirs), so
// injected markup cannot run script. Styles allow 'unsafe-inline': recharts and React style
// attributes need it, and a style cannot run code. The static headers (nosniff, Referrer-Policy,
// X-Frame-Options, Permissions-Policy) are in next.config.js, so they cover /_next files too.

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only under `next dev` (React's error overlay); never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers are data, never documents to render: nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HTTPS as the client saw it: behind a TLS-terminating proxy, X-Forwarded-Proto says so. */
export function requestIsHttps(headers: Headers, url: URL): boolean {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" || url.protocol === "https:";
}

/** Two years, subdomains included: only ever sent on an HTTPS answer (browsers ignore it on HTTP). */
export const HSTS = "max-age=63072000; includeSubDomains";
