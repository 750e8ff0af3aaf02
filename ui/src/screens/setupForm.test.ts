// Tests for the first-run form checks made before setup_business is called.
import { describe, expect, it } from "vitest";
import { EMPTY_SETUP_FORM, setupFormProblem, toSetupInput, type SetupForm } from "./setupForm";

const filled: SetupForm = {
  ...EMPTY_SETUP_FORM,
  businessName: "Corner Bakery",
  ownerName: "Anna Berg",
  username: "anna",
  password: "rye-and-spelt",
  passwordConfirm: "rye-and-spelt",
};

describe("setupFormProblem", () => {
  it("accepts matching passwords of 8 characters or more", () => {
    expect(setupFormProblem(filled)).toBeNull();
    expect(setupFormProblem({ ...filled, password: "12345678", passwordConfirm: "12345678" })).toBeNull();
  });

  it("refuses a password shorter than 8 characters", () => {
    expect(setupFormProblem({ ...filled, password: "1234567", passwordConfirm: "1234567" })).toBe(
      "password: must be at least 8 characters",
    );
    // Four emoji are eight UTF-16 units but four characters, and the server counts characters.
    expect(setupFormProblem({ ...filled, password: "🍞🥐🥨🥖", passwordConfirm: "🍞🥐🥨🥖" })).toBe(
      "password: must be at least 8 characters",
    );
  });

  it("refuses passwords that do not match", () => {
    expect(setupFormProblem({ ...filled, passwordConfirm: "rye-and-spelT" })).toBe("repeat password: does not match the password");
  });
});

describe("toSetupInput", () => {
  it("defaults to euro and leaves the confirmation out", () => {
    expect(toSetupInput(filled)).toEqual({
      businessName: "Corner Bakery",
      baseCurrency: "EUR",
      ownerName: "Anna Berg",
      username: "anna",
      password: "rye-and-spelt",
    });
  });
});
