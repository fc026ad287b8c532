"use client";
// A block of server-built markup (see lib/markup/handoff). With `html` (a client-side navigation,
// whose RSC payload carries the markup) it renders that. With only `handoff` (a full page load):
// on the server it takes the markup the server component left for this request; in the browser,
// at hydration, it reads it back from its own element in the page, which already holds it, and
// keeps a copy so the router can render the page again (back and forward) without the network.
import { useMemo } from "react";
import { takeMarkup } from "@/lib/markup/handoff";

/** Markup read at hydration, by handoff id (ids are random per response: no stale reuse). */
const kept = new Map<string, string>();
const KEPT_MAX = 400;

function keep(id: string, html: string): void {
  kept.set(id, html);
  if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
}

function initialMarkup(handoff: string | undefined, html: string | undefined): string | null {
  if (html !== undefined) return html;
  if (handoff === undefined) return null;
  if (typeof window === "undefined") return takeMarkup(handoff) ?? null;
  const known = kept.get(handoff) ?? document.getElementById(handoff)?.innerHTML;
  if (known === undefined) return null;
  keep(handoff, known);
  return known;
}

export function MarkupBlock({ handoff, html, className }: { handoff?: string; html?: string; className?: string }) {
  // Per (handoff, html), not once per instance: a refresh of the same page re-renders this very
  // instance with the new markup. Recomputing is safe (the DOM read is kept; a taken entry stays a moment).
  const markup = useMemo(() => initialMarkup(handoff, html), [handoff, html]);
  if (markup === null) {
    // Not expected (the markup is in the page or in the payload); never a silently empty chart.
    return (
      <p className={className} role="status">
        This part of the page could not be shown. <a href="">Reload the page</a>.
      </p>
    );
  }
  return <div id={handoff} className={className} dangerouslySetInnerHTML={{ __html: markup }} />;
}
