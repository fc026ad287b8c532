// The acting user, as every query and mutation receives it: who, in which clinic, with which role.
// Data access takes an Actor first and scopes every read and write by actor.clinicId.
export type Role = "clinician" | "admin";

export interface Actor {
  userId: string;
  clinicId: string;
  role: Role;
  /** How the request was authenticated, for the audit trail. */
  via: "session" | "token" | "cli";
  tokenId?: string;
  sourceAddress?: string;
}
