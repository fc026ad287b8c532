// What a user-management server action answers: shown by ActionForm under its form.
export interface ActionState {
  status: "idle" | "ok" | "error";
  message?: string;
  /** A new API token's secret: shown once, never stored. */
  secret?: string;
}

export const IDLE: ActionState = { status: "idle" };
