"use client";
// "Find a patient from anywhere": the header's search box (name or MRN). Results appear as you
// type (the patients API, clinic-scoped like everything else) in an ARIA 1.2 combobox: ↓/↑ move
// through them, Enter opens the highlighted patient (or the full patient list search when none is
// highlighted), Escape closes. "/" anywhere outside a text field focuses the box.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { formatDate } from "@/lib/format/dates";

interface Hit {
  id: string;
  givenName: string;
  familyName: string;
  mrn: string | null;
  birthDate: string;
}

const MAX_RESULTS = 8;

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
}

export function PatientSearch() {
  const router = useRouter();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const term = q.trim();
    if (!term) {
      setHits([]);
      setStatus("");
      return;
    }
    const controller = new AbortController();
    // A short pause so each keystroke does not cost a request.
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/patients?q=${encodeURIComponent(term)}&pageSize=${MAX_RESULTS}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!response.ok) throw new Error(`search answered ${response.status}`);
        const found = (await response.json()) as Hit[];
        setHits(found);
        setActive(-1);
        setOpen(true);
        setStatus(found.length === 0 ? "No patient found" : `${found.length} patient${found.length === 1 ? "" : "s"} found`);
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn("patient search failed", error);
        setHits([]);
        setStatus("Search is not available just now: try the patient list");
        setOpen(true);
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  function go(hit: Hit) {
    setOpen(false);
    setQ("");
    router.push(`/patients/${hit.id}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      if (open) event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && open && active >= 0 && hits[active]) {
      event.preventDefault();
      go(hits[active]);
    }
  }

  const expanded = open && q.trim() !== "" && hits.length > 0;
  return (
    <form className="header-search" role="search" action="/patients" method="get" onSubmit={() => setOpen(false)}>
      <label htmlFor="header-search-input" className="visually-hidden">
        Find a patient by name or MRN
      </label>
      <input
        ref={input}
        id="header-search-input"
        name="q"
        type="search"
        className="header-search-input"
        placeholder="Find patient (name or MRN)  /"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="/"
        aria-describedby="header-search-status"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => hits.length && setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label="Patients found" className="header-search-results" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="header-search-option"
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              go(hit);
            }}
          >
            <span className="header-search-name">
              {hit.familyName}, {hit.givenName}
            </span>
            <span className="header-search-meta">
              {hit.mrn ? `MRN ${hit.mrn} · ` : ""}born {formatDate(hit.birthDate)}
            </span>
          </li>
        ))}
      </ul>
      <span id="header-search-status" className="visually-hidden" role="status">
        {status}
      </span>
    </form>
  );
}
