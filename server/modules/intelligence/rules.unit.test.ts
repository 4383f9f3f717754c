import { describe, expect, it } from "vitest";
import { closureEnds, csvLine, listChanges, normaliseAddress, normaliseName } from "./rules";

describe("normaliseAddress", () => {
  it("finds the same place written differently", () => {
    const a = normaliseAddress("Ferizaj", "Rr. Dëshmorët, Nr. 5");
    expect(a).toBe("ferizaj|rruga deshmoret 5");
    expect(normaliseAddress("FERIZAJ", "rruga Deshmoret 5")).toBe(a);
    expect(normaliseAddress("Ferizaj", "Rruga  Dëshmorët p.n.")).toBe("ferizaj|rruga deshmoret");
  });
  it("keeps towns and numbers apart", () => {
    expect(normaliseAddress("Gjilan", "Rr. Dëshmorët 5")).not.toBe(
      normaliseAddress("Ferizaj", "Rr. Dëshmorët 5"),
    );
    expect(normaliseAddress("Ferizaj", "Rr. Dëshmorët 15")).not.toBe(
      normaliseAddress("Ferizaj", "Rr. Dëshmorët 5"),
    );
  });
});

describe("normaliseName", () => {
  it("ignores company suffixes, case and punctuation", () => {
    expect(normaliseName("Paradise sh.p.k.")).toBe("paradise");
    expect(normaliseName("PARADISE SHPK")).toBe("paradise");
    expect(normaliseName("Balkan d.o.o.")).toBe("balkan");
    expect(normaliseName("Agim Krasniqi")).toBe("agim krasniqi");
  });
});

describe("listChanges", () => {
  it("names the premises added and removed", () => {
    const changes = listChanges([{ id: "a" }, { id: "b" }], [{ id: "b" }, { id: "c" }]);
    expect(changes).toEqual({ added: [{ id: "c" }], removed: [{ id: "a" }] });
  });
});

describe("csvLine", () => {
  it("quotes separators and neutralises formulas", () => {
    expect(csvLine(["a", "b,c", 'say "x"', "=SUM(A1)"])).toBe('a,"b,c","say ""x""",\'=SUM(A1)');
  });
});

describe("closureEnds", () => {
  it("adds the duration to the order date, or none when the court set none", () => {
    expect(closureEnds("2026-06-10", 180)).toBe("2026-12-07");
    expect(closureEnds("2026-12-25", 10)).toBe("2027-01-04");
    expect(closureEnds("2026-06-10", null)).toBeNull();
  });
});
