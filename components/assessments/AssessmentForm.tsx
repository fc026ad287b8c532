"use client";
// The assessment form (new visit, or a correction with a reason). Entries live in React state and
// in a localStorage draft; a save sends the schema's JSON to a server action through
// useActionState, so a rejected or failed save never resets the form (a plain <form action>
// would). Enter in a field never submits: only the Save button or Ctrl/⌘+Enter (from anywhere on
// the page) does. A 20-value visit is the date-time stop, then one Tab per value, then Ctrl+Enter.
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { isMeasureCode, type MeasureCode, type RedFlagCode, type Side } from "@/lib/clinical/measures";
import { FORM_SECTIONS, fieldKey, fieldLabel, methodInputId, parseDecimalText, valueError, valueInputId } from "@/lib/assessment-form/fields";
import { browserOffsetMinutes, normaliseLocalDateTime, toLocalFieldText } from "@/lib/assessment-form/datetime";
import { draftKey } from "@/lib/assessment-form/draft";
import {
  countValues,
  emptyFormState,
  errorsFromServerIssues,
  toAssessmentPayload,
  validateForm,
  type AmendPayload,
  type AssessmentFormState,
  type AssessmentPayload,
  type FieldErrors,
  type SaveResult,
} from "@/lib/assessment-form/form-state";
import { formatDate } from "@/lib/format/dates";
import { MeasureSection, type MeasureFieldHandlers } from "./MeasureSection";
import { RedFlagPanel } from "./RedFlagPanel";
import { RedFlagConfirmDialog } from "./RedFlagConfirmDialog";
import { ErrorSummary } from "./ErrorSummary";
import { VisitDetailsFields } from "./VisitDetailsFields";
import { summaryLabel } from "./summary-labels";
import { useAssessmentDraft } from "./useAssessmentDraft";
import { QuestionnairePanel } from "@/components/questionnaires/QuestionnairePanel";
import { emptyQuestionnaireForm, questionnaireErrors, toFootwear, toQuestionnairePayload } from "@/lib/questionnaires/form";
import styles from "./assessment-form.module.css";

type Payload = AssessmentPayload | AmendPayload;

export interface AssessmentFormProps {
  mode: "new" | "amend";
  patientId: string;
  /** Amend mode: the visit being corrected. */
  assessmentId?: string;
  /** Amend mode: the stored visit as form text (its date as an ISO instant, shown in the browser's zone). */
  initial?: { state: AssessmentFormState; takenAt: string };
  previous: Record<string, string>;
  /** New visits: each measure's last method, keyed by code (prefilled into the form). */
  lastMethods?: Record<string, string>;
  action: (previous: SaveResult, payload: Payload) => Promise<SaveResult>;
  cancelHref: string;
  /** The latest PSFS activities of this patient, offered again (issue 18). */
  previousPsfs?: { date: string; names: string[] } | null;
}

const CONNECTION_LOST =
  "The save did not reach the server (connection or session problem). Nothing is lost: your entries are kept in this browser. Try again.";

function prefilledMethods(lastMethods: Record<string, string> | undefined): AssessmentFormState["methods"] {
  const out: AssessmentFormState["methods"] = {};
  for (const [code, method] of Object.entries(lastMethods ?? {})) if (isMeasureCode(code)) out[code] = method;
  return out;
}

export function AssessmentForm({ mode, patientId, assessmentId, initial, previous, lastMethods, action, cancelHref, previousPsfs }: AssessmentFormProps) {
  const router = useRouter();
  const [state, setState] = useState<AssessmentFormState>(() => initial?.state ?? emptyFormState());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [summaryShown, setSummaryShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [openMethods, setOpenMethods] = useState<ReadonlySet<MeasureCode>>(() => new Set());
  const [announcement, setAnnouncement] = useState("");
  const focusMethodOf = useRef<MeasureCode | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const sentPayload = useRef<Payload | null>(null);

  const makeInitial = useCallback(
    (): AssessmentFormState =>
      initial
        ? { ...initial.state, takenAtLocal: toLocalFieldText(new Date(initial.takenAt)) }
        : { ...emptyFormState(toLocalFieldText(new Date())), methods: prefilledMethods(lastMethods) },
    [initial, lastMethods],
  );
  const key = draftKey(mode === "amend" && assessmentId ? { assessmentId } : { patientId });
  const draft = useAssessmentDraft(key, state, setState, makeInitial);

  // Network errors and crashed actions come back as a result, not an error page that drops the form.
  const [result, save, pending] = useActionState(async (prev: SaveResult, payload: Payload): Promise<SaveResult> => {
    try {
      return await action(prev, payload);
    } catch {
      return { status: "failed", message: CONNECTION_LOST };
    }
  }, { status: "idle" } as SaveResult);

  useEffect(() => {
    if (result.status === "saved") {
      draft.forget();
      router.push(result.redirectTo);
    } else if (result.status === "rejected" && sentPayload.current) {
      const mapped = errorsFromServerIssues(result.issues, sentPayload.current);
      setErrors(mapped.fields);
      setGeneral([result.message, ...mapped.general]);
      setSummaryShown(true);
    } else if (result.status === "failed") {
      setGeneral([result.message]);
      setSummaryShown(true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to a new result only
  }, [result]);

  useEffect(() => {
    if (summaryShown) summaryRef.current?.focus();
  }, [summaryShown, result]);

  // "change method" opened a row's method box: focus it once it is rendered.
  useEffect(() => {
    const code = focusMethodOf.current;
    if (!code || !openMethods.has(code)) return;
    focusMethodOf.current = null;
    document.getElementById(methodInputId(code))?.focus();
  }, [openMethods]);

  // Ctrl/⌘+Enter saves from anywhere on the page, except inside the red-flag dialog, where only
  // a deliberate press of "Confirm and save" confirms.
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (document.querySelector("dialog[open]")) return;
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const setFieldError = (id: string, message: string | undefined) =>
    setErrors((prev) => {
      if (prev[id] === message) return prev;
      const next = { ...prev };
      if (message) next[id] = message;
      else delete next[id];
      return next;
    });

  const handlers: MeasureFieldHandlers = {
    values: state.values,
    methods: state.methods,
    errors,
    previous,
    onValueChange(code: MeasureCode, side: Side, text: string) {
      setState((s) => ({ ...s, values: { ...s.values, [fieldKey(code, side)]: text } }));
      // As you type: a range error shows at once; half-typed text ("-", "1.") waits for blur.
      const id = valueInputId(code, side);
      const message = valueError(code, side, text);
      if (parseDecimalText(text) !== undefined || !message) setFieldError(id, message);
    },
    onValueBlur(code: MeasureCode, side: Side) {
      const message = valueError(code, side, state.values[fieldKey(code, side)] ?? "");
      setFieldError(valueInputId(code, side), message);
      // Heard when the field is left (a screen reader is already on the next field by then).
      // A trailing no-break space makes the same message a new one when it repeats.
      if (message) setAnnouncement((prev) => {
        const text = `${fieldLabel(code, side)}: ${message}`;
        return prev === text ? `${text}\u00a0` : text;
      });
    },
    onMethodChange(code: MeasureCode, text: string) {
      setState((s) => ({ ...s, methods: { ...s.methods, [code]: text } }));
    },
    openMethods,
    onOpenMethod(code: MeasureCode) {
      focusMethodOf.current = code;
      setOpenMethods((prev) => (prev.has(code) ? new Set(prev) : new Set(prev).add(code)));
    },
  };

  function send() {
    setConfirming(false);
    const questionnaires = toQuestionnairePayload(state.questionnaires);
    const footwear = toFootwear(state.footwear);
    // A correction sends both in full: [] and null remove what the visit had.
    const base = {
      ...toAssessmentPayload(state, browserOffsetMinutes(normaliseLocalDateTime(state.takenAtLocal) ?? "")),
      ...(mode === "amend" || questionnaires.length ? { questionnaires } : {}),
      ...(mode === "amend" || footwear ? { footwear } : {}),
    };
    const payload: Payload = mode === "amend" ? { ...base, reason: state.reason.trim() } : base;
    sentPayload.current = payload;
    startTransition(() => save(payload));
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const found = { ...validateForm(state, { requireReason: mode === "amend" }), ...questionnaireErrors(state.questionnaires, state.values) };
    setErrors(found);
    if (Object.keys(found).length) {
      setGeneral(["Nothing was saved yet. Correct the marked fields, then save."]);
      setSummaryShown(true);
      summaryRef.current?.focus();
      return;
    }
    setSummaryShown(false);
    setGeneral([]);
    if (state.redFlags.length) setConfirming(true);
    else send();
  }

  // Implicit submission (Enter in a text field) would save half a form between two patients.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === "Enter" && target instanceof HTMLInputElement && target.type !== "submit") event.preventDefault();
  }

  const entries = Object.entries(errors).map(([id, message]) => ({ id, label: summaryLabel(id), message }));
  const valueCount = countValues(state);

  return (
    <form ref={formRef} className={styles.form} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={mode === "amend" ? "Correct visit" : "Record assessment"}>
      {summaryShown && (entries.length > 0 || general.length > 0) ? (
        <ErrorSummary ref={summaryRef} title={entries.length === 1 ? "1 field needs attention" : entries.length ? `${entries.length} fields need attention` : "Not saved"} entries={entries} general={general} />
      ) : null}
      {draft.restoredAt ? (
        <div className={styles.draftNotice} role="status">
          <p>
            Draft restored: the entries you had not saved yet (kept in this browser, last change {formatDate(draft.restoredAt)}{" "}
            {new Date(draft.restoredAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}).
          </p>
          <div className={styles.actions}>
            <button type="button" className="button button-secondary" onClick={draft.dismissNotice}>
              Keep draft
            </button>
            <button type="button" className="button button-secondary" onClick={() => { draft.discard(); setErrors({}); setSummaryShown(false); }}>
              Discard draft
            </button>
          </div>
        </div>
      ) : null}
      <VisitDetailsFields mode={mode} state={state} setState={setState} errors={errors} part="top" />
      {FORM_SECTIONS.map((section) => (
        <MeasureSection key={section.id} section={section} f={handlers} />
      ))}
      <QuestionnairePanel
        state={state.questionnaires ?? emptyQuestionnaireForm()}
        onChange={(questionnaires) => setState((s) => ({ ...s, questionnaires }))}
        footwear={state.footwear ?? ""}
        onFootwearChange={(footwear) => setState((s) => ({ ...s, footwear }))}
        errors={errors}
        previousPsfs={previousPsfs}
      />
      <RedFlagPanel
        ticked={state.redFlags}
        error={errors["red-flags"]}
        onToggle={(code: RedFlagCode, on: boolean) =>
          setState((s) => ({ ...s, redFlags: on ? [...s.redFlags.filter((c) => c !== code), code] : s.redFlags.filter((c) => c !== code) }))
        }
      />
      <VisitDetailsFields mode={mode} state={state} setState={setState} errors={errors} part="bottom" />
      <div className={styles.saveBar} data-save-bar>
        <button type="submit" className="button" disabled={pending || !draft.ready} aria-describedby="save-hint">
          {pending ? "Saving…" : mode === "amend" ? "Save correction" : "Save assessment"}
        </button>
        <a href={cancelHref} className="button button-secondary">
          Cancel
        </a>
        <span id="save-hint" className="hint" aria-live="polite">
          {valueCount} value{valueCount === 1 ? "" : "s"} entered · Ctrl+Enter saves · draft kept in this browser until saved
        </span>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="field-announcer">
        {announcement}
      </div>
      <RedFlagConfirmDialog open={confirming} ticked={state.redFlags} onConfirm={send} onCancel={() => setConfirming(false)} />
    </form>
  );
}
