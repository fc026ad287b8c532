"use client";
// A form bound to a server action with useActionState: shows the action's message (and a new
// token's secret, once) without a page reload, and still works as a plain form post before
// hydration (progressive enhancement).
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { IDLE, type ActionState } from "./action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function ActionForm({
  action,
  submitLabel,
  children,
  className = "stack",
  danger = false,
  testId,
}: {
  action: Action;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  danger?: boolean;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  // React resets a form after its action runs; a refused submission must keep what was typed, so
  // once hydrated the form submits itself and clears only after a success.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  useEffect(() => {
    if (state.status === "ok") formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={handleSubmit} className={className} data-testid={testId}>
      {children}
      <button type="submit" className={danger ? "button button-secondary" : "button"} disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </button>
      <div role="status" className={state.status === "error" ? "alert-error" : undefined}>
        {state.message}
      </div>
      {state.secret ? (
        <p>
          Copy this token now; it will not be shown again: <code className="mono" data-testid="new-token">{state.secret}</code>
        </p>
      ) : null}
    </form>
  );
}
