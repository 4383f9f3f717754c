import { describe, expect, it } from "vitest";
import { suggestMapping } from "./exchange";

describe("suggestMapping", () => {
  it("takes a header for an HTCDS field whatever its case, spaces and punctuation", () => {
    expect(
      suggestMapping(["PRS first-name", "prs_SecondName ", "Identification Date", "Rajoni", "prs_firstname"]),
    ).toEqual({
      prs_FirstName: "PRS first-name",
      prs_SecondName: "prs_SecondName",
      identification_date: "Identification Date",
    });
  });
  it("suggests nothing for a legacy layout's own names or empty headers", () => {
    expect(suggestMapping(["Emri", "", "Data"])).toEqual({});
  });
});
