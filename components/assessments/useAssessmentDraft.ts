"use client";
// Keeps the form in localStorage while it is being filled, restores it after a reload (with a
// notice), and forgets it only when told (after a successful save, or "Discard draft").
import { useCallback, useEffect, useRef, useState } from "react";
import { clearDraft, hasContent, loadDraft, saveDraft } from "@/lib/assessment-form/draft";
import type { AssessmentFormState } from "@/lib/assessment-form/form-state";

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined; // storage disabled by the browser's privacy settings
  }
}

export function useAssessmentDraft(
  key: string,
  state: AssessmentFormState,
  replaceState: (next: AssessmentFormState) => void,
  initialState: () => AssessmentFormState,
) {
  const [ready, setReady] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const baseline = useRef<string>("");

  // After mount only: localStorage and the browser's clock do not exist on the server.
  useEffect(() => {
    const initial = initialState();
    baseline.current = JSON.stringify(initial);
    const draft = loadDraft(storage(), key);
    if (draft && hasContent(draft.state)) {
      replaceState(draft.state);
      setRestoredAt(draft.savedAt);
    } else replaceState(initial);
    setReady(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per form
  }, [key]);

  useEffect(() => {
    if (!ready) return;
    // Unchanged from what the page started with (e.g. an untouched correction): nothing to keep.
    if (!hasContent(state) || JSON.stringify(state) === baseline.current) clearDraft(storage(), key);
    else saveDraft(storage(), key, state);
  }, [ready, key, state]);

  const discard = useCallback(() => {
    clearDraft(storage(), key);
    setRestoredAt(null);
    replaceState(initialState());
  }, [key, replaceState, initialState]);

  const forget = useCallback(() => clearDraft(storage(), key), [key]);

  return { ready, restoredAt, discard, forget, dismissNotice: () => setRestoredAt(null) };
}
