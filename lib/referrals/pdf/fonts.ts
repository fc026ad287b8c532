// Registers the bundled DejaVu Sans (assets/fonts, Debian fonts-dejavu-core, free licence in
// DejaVu-LICENSE.txt) by absolute path, once per process.
import path from "node:path";
import { Font } from "@react-pdf/renderer";

let registered = false;

export function registerPdfFonts(): void {
  if (registered) return;
  const dir = path.join(process.cwd(), "assets", "fonts");
  Font.register({
    family: "DejaVu Sans",
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: "normal" },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  // Never split words with hyphens: clinical terms and codes must stay whole.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
