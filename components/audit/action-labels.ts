// What an audit event's action means, in words, for the pages that list events (the patient's
// "Who accessed this record" and the admin's audit trail). The codes stay in the CSV and the JSON.
const ACTION_LABELS: Record<string, string> = {
  "patient.read": "Viewed",
  "patient.create": "Created",
  "patient.update": "Edited",
  "patient.archive": "Archived",
  "patient.restore": "Restored",
  "patient.history.update": "Clinical history edited",
  "assessment.create": "Visit recorded",
  "assessment.amend": "Visit corrected",
  "assessment.delete": "Visit deleted",
  "assessment.restore": "Visit restored",
  "treatment.create": "Treatment recorded",
  "treatment.update": "Treatment edited",
  "treatment.delete": "Treatment deleted",
  "referral.create": "Referral note drafted",
  "referral.update": "Referral note edited",
  "referral.finalise": "Referral note finalised",
  "referral.supersede": "Referral note superseded",
  "export.patient_csv": "Exported CSV",
  "export.patient_history_csv": "Exported clinical history (CSV)",
  "export.patient_questionnaires_csv": "Exported questionnaires (CSV)",
  "export.patient_treatments_csv": "Exported treatments (CSV)",
  "export.fhir": "Exported FHIR",
  "export.referral_pdf": "Referral note PDF downloaded",
  "export.clinic_csv": "Clinic export (CSV)",
  "export.audit_csv": "Audit trail exported (CSV)",
  "auth.signin.success": "Signed in",
  "auth.signin.failure": "Sign-in refused",
  "user.create": "User created",
  "user.deactivate": "User deactivated",
  "user.reactivate": "User reactivated",
  "user.profile_update": "Profile edited",
  "user.password_change": "Password changed",
  "user.password_change_refused": "Password change refused",
  "user.password_reset": "Password reset",
  "token.create": "API token created",
  "token.use": "API token used",
  "token.revoke": "API token revoked",
  "token.revoke_all": "All API tokens revoked",
};

/** The action in words; an action this list does not know yet shows as recorded. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const ENTITY_WORDS: Record<string, string> = {
  Patient: "Patient",
  Assessment: "Visit",
  TreatmentEvent: "Treatment",
  Referral: "Referral note",
  referral: "Referral note",
  User: "User",
  ApiToken: "API token",
  Clinic: "Clinic",
};

/** The kind of record in words ("Visit" for an Assessment row). */
export function entityWord(entityType: string | null): string {
  return entityType ? (ENTITY_WORDS[entityType] ?? entityType) : "";
}
