// Clinician-facing names for the history's choices, shared by the form, the patient page, the CSV
// and the referral note.
import type { Footwear, InvestigationKind, PainBeforeHeel } from "./schemas";

export const PAIN_BEFORE_HEEL_LABELS: Record<PainBeforeHeel, string> = {
  yes: "Yes, before the heel pain",
  no: "No",
  unknown: "Unknown",
};

export const INVESTIGATION_LABELS: Record<InvestigationKind, string> = {
  xray: "X-ray",
  ultrasound: "Ultrasound",
  mri: "MRI",
  ct: "CT",
  bone_scan: "Bone scan",
  blood_test: "Blood test",
  nerve_conduction: "Nerve conduction study",
  other: "Other",
};

export const FOOTWEAR_LABELS: Record<Footwear, string> = {
  supportive: "Supportive",
  minimal: "Minimal",
  high_heel: "High heel",
  work_boots: "Work boots",
  mixed: "Mixed",
};
