// Closed-loop load: N clients, each sending its next request when the previous one answered, for a
// bounded time and count. Latencies in ms; errors are non-2xx answers and failed connections.

export interface LoadRequest {
  url: string;
  init?: RequestInit;
}

export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  /** First few errors as "status: body…" for the report. */
  errorSamples: string[];
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function runLoad(options: {
  clients: number;
  durationMs: number;
  maxRequests: number;
  next: (n: number) => LoadRequest;
  warmup?: number;
}): Promise<LoadResult> {
  const send = async (request: LoadRequest): Promise<{ ok: boolean; sample?: string }> => {
    try {
      const response = await fetch(request.url, { ...request.init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      const body = await response.text();
      if (response.status >= 200 && response.status < 300) return { ok: true };
      return { ok: false, sample: `${response.status}: ${body.slice(0, 160)}` };
    } catch (error) {
      return { ok: false, sample: `failed: ${(error as Error).message}` };
    }
  };
  let counter = 0;
  for (let i = 0; i < (options.warmup ?? 0); i++) await send(options.next(counter++));

  const latencies: number[] = [];
  let errors = 0;
  const errorSamples: string[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  let issued = 0;
  const client = async () => {
    while (performance.now() < deadline && issued < options.maxRequests) {
      issued++;
      const request = options.next(counter++);
      const t0 = performance.now();
      const outcome = await send(request);
      latencies.push(performance.now() - t0);
      if (!outcome.ok) {
        errors++;
        if (errorSamples.length < 3 && outcome.sample) errorSamples.push(outcome.sample);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients: options.clients,
    requests: latencies.length,
    errors,
    errorSamples,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}
