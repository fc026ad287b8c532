// The version of the clinical rules (rules.md) the engine implements. A stored evaluation carries
// the version that produced it; when this constant changes, every stored evaluation is recomputed
// (at start and by `status repair`, lib/patients/evaluation-batch.ts). Raise it with any change
// to a rule's logic, threshold or output.
export const RULES_VERSION = 2;
