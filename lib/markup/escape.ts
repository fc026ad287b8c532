// Escaping for the markup Stride builds as strings on the server (trends charts and tables, the
// caseload tables): nothing downstream escapes such markup again, so every text that comes from
// data goes through here, and the builders' unit tests check it with hostile input.

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value safe inside HTML or SVG markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
