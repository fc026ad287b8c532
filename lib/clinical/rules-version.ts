// The version of clinical/rules.md the engine implements. Stored evaluations and statuses carry
// it, so a rules upgrade can find and recompute every patient evaluated under an older version.
export const RULES_VERSION = 2;
