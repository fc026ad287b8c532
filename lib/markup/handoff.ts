// Markup handed from the server-component render of a request to the HTML render of the same
// request, so a large block of server-built markup (a trends chart, a values table) is sent once.
//
// Why: on a full page load Next renders the server components into the RSC payload, renders that
// payload to HTML, and also inlines the payload in the HTML for hydration. Markup passed as a prop
// therefore travels twice, and the payload copy is escaped twice more (JSON inside a script). For
// a 300-visit trends page that copy was ~100 KB of the 260 KB answer and a large share of its
// time. Both renders run in this process, one after the other for the same request, so the server
// component leaves the markup here under a fresh random id and puts only the id in the payload;
// the HTML render takes it back by id. In the browser the component reads the markup from the
// element the HTML already holds (components/markup/MarkupBlock).
//
// The store is process-wide (globalThis): the server-component and HTML renders load this module
// as two separate instances. Entries are taken once; an entry nobody takes (a request aborted
// between the two renders) is swept after a minute.

interface Entry {
  html: string;
  at: number;
}

const STORE_KEY = Symbol.for("stride.markup-handoff");
const UNCLAIMED_TTL_MS = 60_000;

function store(): Map<string, Entry> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Entry> | undefined>;
  return (holder[STORE_KEY] ??= new Map());
}

/** Server components: keep `html` for this request's HTML render; returns the id to pass on. */
export function leaveMarkup(html: string, now = Date.now()): string {
  const entries = store();
  // Insertion order is age order: stop at the first entry still young enough.
  for (const [id, entry] of entries) {
    if (now - entry.at <= UNCLAIMED_TTL_MS) break;
    entries.delete(id);
  }
  const id = `markup-${globalThis.crypto.randomUUID()}`;
  entries.set(id, { html, at: now });
  return id;
}

/**
 * The HTML render: the markup left under `id`, or undefined. The entry stays a moment after it is
 * taken (a component may be rendered twice in one pass) and then goes.
 */
export function takeMarkup(id: string): string | undefined {
  const entries = store();
  const entry = entries.get(id);
  if (!entry) return undefined;
  const timer = setTimeout(() => entries.delete(id), 1000);
  (timer as { unref?: () => void }).unref?.();
  return entry.html;
}

/** Entries waiting to be taken (for tests). */
export function pendingMarkupCount(): number {
  return store().size;
}
