// The PDF's fonts, registered by absolute path once per process:
// - DejaVu Sans (assets/fonts, Debian fonts-dejavu-core, free licence in DejaVu-LICENSE.txt) for
//   Latin, Greek, Cyrillic, Arabic, Hebrew and the symbols the note uses (≤, ≥, ✓);
// - Droid Sans Fallback (assets/fonts/DroidSansFallbackFull.ttf, Debian fonts-droid-fallback,
//   Apache 2.0, DroidSansFallback-LICENSE.txt) for Chinese, Japanese and Korean names. It is 4 MB,
//   so it is read, and listed as the page's fallback family, only for a note whose text needs it.
// planPdfText() decides that from the text itself, and replaces what neither font can draw (emoji,
// and any script neither covers) with a visible placeholder instead of blank or garbled glyphs.
import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const BASE_FAMILY = "DejaVu Sans";
export const FALLBACK_FAMILY = "Droid Sans Fallback";
/** Shown instead of an emoji or a character no bundled font can draw (in DejaVu Sans: U+25A1). */
export const MISSING_GLYPH_PLACEHOLDER = "□";

const fontDir = () => path.join(process.cwd(), "assets", "fonts");
const files = {
  base: () => path.join(fontDir(), "DejaVuSans.ttf"),
  baseBold: () => path.join(fontDir(), "DejaVuSans-Bold.ttf"),
  fallback: () => path.join(fontDir(), "DroidSansFallbackFull.ttf"),
};

let registered = false;

/** Registers both families (cheap: a font file is read only when a document uses it). */
export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: BASE_FAMILY,
    fonts: [
      { src: files.base(), fontWeight: "normal" },
      { src: files.baseBold(), fontWeight: "bold" },
    ],
  });
  // One weight only: bold text in these scripts is drawn regular rather than not at all.
  Font.register({
    family: FALLBACK_FAMILY,
    fonts: [
      { src: files.fallback(), fontWeight: "normal" },
      { src: files.fallback(), fontWeight: "bold" },
    ],
  });
  // Never split words with hyphens: clinical terms and codes must stay whole.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** The family's regular font, read (once per process) through react-pdf's own font store. */
async function glyphs(family: string): Promise<GlyphSource> {
  const source = Font.getFont({ fontFamily: family, fontWeight: "normal" });
  await source.load();
  return source.data as unknown as GlyphSource;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Drawn by no font and shown by none: joiners, variation selectors, direction marks. */
const INVISIBLE = /^[\u200B-\u200F\u2060\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

export interface PdfTextPlan {
  /** The text as the PDF shows it: emoji and characters no font can draw become the placeholder. */
  clean(text: string): string;
  /** The page's font families: the base, plus the CJK fallback when some text needs it. */
  families: string[];
}

/**
 * Looks at every character of the document's text: the fallback font is read only when the base
 * font lacks a glyph that is not an emoji, and used only when it has one the base lacks.
 */
export async function planPdfText(texts: readonly string[]): Promise<PdfTextPlan> {
  registerPdfFonts();
  const codePoints = new Set<number>();
  for (const text of texts) {
    for (const { segment } of segmenter.segment(text)) {
      if (PICTOGRAPHIC.test(segment)) continue;
      for (const char of segment) if (char.codePointAt(0)! >= 0x20 && !INVISIBLE.test(char)) codePoints.add(char.codePointAt(0)!);
    }
  }
  const base = await glyphs(BASE_FAMILY);
  const missing = [...codePoints].filter((c) => !base.hasGlyphForCodePoint(c));
  const fallback = missing.length ? await glyphs(FALLBACK_FAMILY) : undefined;
  const drawable = new Set(missing.filter((c) => fallback!.hasGlyphForCodePoint(c)));
  const undrawable = new Set(missing.filter((c) => !drawable.has(c)));
  return {
    families: drawable.size ? [BASE_FAMILY, FALLBACK_FAMILY] : [BASE_FAMILY],
    clean(text: string): string {
      let out = "";
      for (const { segment } of segmenter.segment(text)) {
        if (PICTOGRAPHIC.test(segment)) out += MISSING_GLYPH_PLACEHOLDER;
        else for (const char of segment) out += undrawable.has(char.codePointAt(0)!) ? MISSING_GLYPH_PLACEHOLDER : char;
      }
      return out;
    },
  };
}
