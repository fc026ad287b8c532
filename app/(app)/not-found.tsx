import { NotFoundMessage } from "@/components/shell/NotFoundMessage";

export default function NotFoundInShell() {
  return (
    <div className="center-page" style={{ minHeight: "50vh" }}>
      <NotFoundMessage />
    </div>
  );
}
