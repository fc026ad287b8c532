// The version of the clinical rules (rules.md) the engine implements; the evaluation carries it
// (`rulesVersion`, contract section 2). Raise it with a new rules.md.
export const RULES_VERSION = 2;

/**
 * Raised when the engine's output changes within one rules version (a reading of the rules
 * corrected: docs/clinical-decisions.md). 1: a screen is not cleared by a visit without one, and
 * a pair of values from one assessment is out of date once a later one recorded a value alone.
 * 2: the same for the single-leg stance (TRENDELENBURG): a later pelvis answer recorded alone;
 * and RED_FLAG's text refers plainly, citing each item's own guidance.
 */
export const ENGINE_REVISION = 2;

/**
 * What a stored evaluation (Patient.rulesVersion) says produced it. When it differs from this,
 * the evaluation is recomputed (at start and by `status repair`, lib/patients/status-repair.ts):
 * 2 for evaluations stored before engine revisions were counted, then RULES_VERSION × 1000 +
 * ENGINE_REVISION (2001, …).
 */
export const STORED_EVALUATION_VERSION = RULES_VERSION * 1000 + ENGINE_REVISION;
