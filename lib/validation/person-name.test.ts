import { describe, expect, it } from "vitest";
import { patientCreateSchema } from "@/lib/patients/schemas";
import { profileInput } from "@/lib/users/schemas";
import { personNameProblem } from "./person-name";

describe("person names", () => {
  it.each(["Ada", "王秀英", "محمد", "Ёжиков", "O'Brien-Smith", "José", "Ngũgĩ", "مهرزاد\u200Cی", "A."])("accepts %s", (name) => {
    expect(personNameProblem(name, "givenName")).toBeUndefined();
  });

  it.each([
    ["\u200B\u200B", "givenName must contain a letter"],
    ["\u200D", "givenName must contain a letter"],
    ["12345", "givenName must contain a letter"],
    ["--", "givenName must contain a letter"],
    ["Ada\u0007", "givenName must not contain control characters (such as NUL, tab or line breaks)"],
    ["Ada\nLovelace", "givenName must not contain control characters (such as NUL, tab or line breaks)"],
    ["\u202EecalevoL", "givenName must not contain bidirectional override characters (U+202A to U+202E, U+2066 to U+2069)"],
    ["Ada\u2066x\u2069", "givenName must not contain bidirectional override characters (U+202A to U+202E, U+2066 to U+2069)"],
  ])("refuses %j: %s", (name, message) => {
    expect(personNameProblem(name, "givenName")).toBe(message);
  });

  it("applies to the patient record and the user's own name", () => {
    const patient = { givenName: "\u200B", familyName: "Lovelace", birthDate: "1979-03-02", sex: "female", heightCm: 168, diagnosisSide: "left" };
    const result = patientCreateSchema.safeParse(patient);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["givenName", "givenName must contain a letter"]]);
    expect(profileInput.safeParse({ name: "\u202Eadmin", registrationNumber: "" }).success).toBe(false);
  });
});
