// Server-built, already escaped markup, sent once (lib/markup/handoff): on a full page load the
// RSC payload carries only a handoff id, and the HTML carries the markup; on a client-side
// navigation (no HTML render) the payload carries the markup itself. proxy.ts tells the two
// apart (x-stride-document), because Next hides its own RSC request headers from pages.
import { headers } from "next/headers";
import { leaveMarkup } from "@/lib/markup/handoff";
import { MarkupBlock } from "./MarkupBlock";

export async function ServerMarkup({ html, className }: { html: string; className?: string }) {
  const fullPageLoad = (await headers()).get("x-stride-document") === "1";
  return fullPageLoad ? <MarkupBlock handoff={leaveMarkup(html)} className={className} /> : <MarkupBlock html={html} className={className} />;
}
