import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/shell/NotFoundMessage";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="center-page" tabIndex={-1}>
      <NotFoundMessage />
    </main>
  );
}
