// Brings the global `fhir4` namespace (FHIR R4 4.0.1, from @types/fhir@0.0.44) into the program;
// tsconfig's `types: ["node"]` would otherwise leave it out.
/// <reference types="fhir" />
