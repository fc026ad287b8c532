import { describe, expect, it } from "vitest";
import { patientCreateSchema } from "@/lib/patients/schemas";
import { toFieldIssues } from "@/lib/validation/parse";
import { patientIssueInWords } from "./patient-form-data";

/** The words the form shows for the schema's issues on `input`: the first issue of each field, as the form does. */
function wordsFor(input: Record<string, unknown>): Record<string, string> {
  const parsed = patientCreateSchema.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const i of toFieldIssues(parsed.error.issues)) out[i.path] ??= patientIssueInWords(i.path, i.message);
  return out;
}

describe("patient form errors in words", () => {
  it("names each field as its label does, never by its internal name", () => {
    const words = wordsFor({ givenName: "", heightCm: 999, birthDate: "2026-02-30" });
    expect(words.givenName).toBe("First name is required");
    expect(words.familyName).toBe("Last name is required");
    expect(words.heightCm).toBe("Height must be between 50 and 250 cm");
    expect(words.birthDate).toBe("Birth date must be a real date");
    expect(words.sex).toBe("Sex is required: choose one");
    expect(words.diagnosisSide).toBe("Diagnosis side is required: choose one");
    for (const text of Object.values(words)) expect(text).not.toMatch(/givenName|familyName|heightCm|birthDate|diagnosisSide/);
  });

  it("keeps the clinic's MRN conflict message", () => {
    expect(patientIssueInWords("mrn", "MRN A1 is already used by another patient of this clinic")).toBe("MRN A1 is already used by another patient of this clinic");
  });
});
