import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { leafletLanguages, leafletSections } from "../../../shared/leaflet";
import { personRights } from "../../../shared/vocabulary";
import { configRoot, loadJurisdiction } from "../../platform/jurisdiction";
import { daysIn, leafletDocument } from "./leaflet";
import { leafletTexts } from "./texts";

const leaflet = {
  emergencyPhone: "112",
  complaintContacts: [{ name: { en: "Ombudsperson", ro: "Avocatul Poporului" }, phone: "+40 21 000 000" }],
};

describe("the rights leaflet's content", () => {
  it("covers every right the person is informed of, in every language", () => {
    for (const right of personRights) expect(leafletSections).toContain(right);
    for (const language of leafletLanguages) {
      const texts = leafletTexts[language];
      for (const section of leafletSections) {
        expect(texts.sections[section].heading.length).toBeGreaterThan(2);
        expect(texts.sections[section].body.length).toBeGreaterThan(0);
      }
      expect(texts.sections.reflection_period.body.join(" ")).toContain("{days}");
      expect(texts.emergency).toContain("{phone}");
      // Texts meant for one script only: Latin for en/sq/sr/ro, Cyrillic for ru/uk/bg.
      const all = JSON.stringify(texts);
      const cyrillic = /[\u0400-\u04FF]/.test(all);
      expect(cyrillic).toBe(["ru", "uk", "bg"].includes(language));
      // Romanian ș and ț take a comma below, not the cedilla of ş and ţ.
      expect(all).not.toMatch(/[şţŞŢ]/);
    }
  });

  it("writes the reflection period as the SOP sets it, in each language's plural form", () => {
    expect(daysIn("en", 90)).toBe("90 days");
    expect(daysIn("en", 1)).toBe("1 day");
    expect(daysIn("ro", 90)).toBe("90 de zile");
    expect(daysIn("ro", 2)).toBe("2 zile");
    expect(daysIn("ru", 90)).toBe("90 дней");
    expect(daysIn("ru", 91)).toBe("91 день");
    expect(daysIn("ru", 92)).toBe("92 дня");
    expect(daysIn("uk", 90)).toBe("90 днів");
    expect(daysIn("uk", 92)).toBe("92 дні");
    expect(daysIn("bg", 90)).toBe("90 дни");
    expect(daysIn("sr", 90)).toBe("90 dana");
    expect(daysIn("sr", 91)).toBe("91 dan");
    expect(daysIn("sq", 90)).toBe("90 ditë");
  });

  it("takes the reflection period, the emergency number and the complaint contacts from configuration", () => {
    const spec = leafletDocument("ro", { reflectionPeriodDays: 120, leaflet });
    const text = JSON.stringify(spec.blocks);
    expect(text).toContain("Aveți cel puțin 120 de zile ca să vă odihniți");
    expect(text).not.toContain("90");
    expect(text).toContain("Sunați la 112.");
    expect(spec.blocks).toContainEqual({
      kind: "list",
      items: ["Avocatul Poporului\nTelefon: +40 21 000 000"],
    });
    // A contact's name falls back to English where the configuration has none in the language.
    const bg = leafletDocument("bg", { reflectionPeriodDays: 90, leaflet });
    expect(bg.blocks).toContainEqual({ kind: "list", items: ["Ombudsperson\nТелефон: +40 21 000 000"] });
    expect(bg.language).toBe("bg");
    expect(bg.title).toBe("Вашите права");
  });

  it("refuses a jurisdiction that does not say where to complain, naming the field", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-leaflet-"));
    const good = JSON.parse(
      fs.readFileSync(path.join(configRoot, "kosovo", "jurisdiction.json"), "utf8"),
    ) as Record<string, unknown>;
    const write = (name: string, value: unknown) => {
      fs.mkdirSync(path.join(root, name));
      fs.writeFileSync(path.join(root, name, "jurisdiction.json"), JSON.stringify(value));
    };
    write("none", { ...good, leaflet: { emergencyPhone: "112", complaintContacts: [] } });
    write("bare", {
      ...good,
      leaflet: { emergencyPhone: "112", complaintContacts: [{ name: { en: "X" } }] },
    });
    write("missing", { ...good, leaflet: undefined });
    expect(() => loadJurisdiction("none", root)).toThrow(
      /leaflet\.complaintContacts: the leaflet must say where/,
    );
    expect(() => loadJurisdiction("bare", root)).toThrow(
      /leaflet\.complaintContacts\.0: give at least one of/,
    );
    expect(() => loadJurisdiction("missing", root)).toThrow(/leaflet:/);
    expect(loadJurisdiction("kosovo").leaflet.complaintContacts.length).toBeGreaterThan(0);
    fs.rmSync(root, { recursive: true });
  });
});
