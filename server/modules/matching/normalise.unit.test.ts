import { describe, expect, it } from "vitest";
import { foldLatin, nameTokens, phoneticName, sameNameGroup, phoneticWord, skeleton } from "./normalise";

describe("folding Latin letters", () => {
  it("drops Romanian diacritics, comma and cedilla forms alike", () => {
    expect(foldLatin("Ștefan Țurcanu")).toBe("stefan turcanu");
    expect(foldLatin("Şerban Ţepeş")).toBe("serban tepes");
    expect(foldLatin("Bălan Câmpeanu Însurățel")).toBe("balan campeanu insuratel");
  });
  it("drops Albanian ë and ç", () => {
    expect(foldLatin("Dritë Çela")).toBe("drite cela");
  });
  it("writes Serbian đ as dj and drops the other marks", () => {
    expect(foldLatin("Đorđe Živković")).toBe("djordje zivkovic");
  });
  it("writes -ová as -ova", () => expect(foldLatin("Nováková")).toBe("novakova"));
  it("romanises Cyrillic first, by citizenship", () => expect(foldLatin("Галина", "UA")).toBe("halyna"));
});

describe("words of a name", () => {
  it("splits double names and drops particles", () => {
    expect(nameTokens("Popescu-Ionescu")).toEqual(["popescu", "ionescu"]);
    expect(nameTokens("Anna Maria")).toEqual(["anna", "maria"]);
    expect(nameTokens("de la Cruz")).toEqual(["cruz"]);
  });
});

describe("the phonetic key", () => {
  const same = (a: string, b: string) => expect(phoneticName(a)).toBe(phoneticName(b));
  it("merges Iuliia, Yulia, Julia, Yuliya and Юлія", () => {
    same("Iuliia", "Yulia");
    same("Yulia", "Julia");
    same("Yuliya", "Julia");
    same("Юлія", "Julia");
  });
  it("merges -ova and -ová", () => same("Novakova", "Nováková"));
  it("merges sh, ş, ș, š and ch, ç, č, ć, ts", () => {
    same("Shevchenko", "Ševčenko");
    same("Petrovich", "Petrović");
    same("Tsvetkov", "Cvetkov");
    same("Şerban", "Serban");
  });
  it("merges the Albanian q with the Serbian ć", () => same("Petroviq", "Petrović"));
  it("merges Ukrainian h with Russian g and Romanian gh", () => {
    same("Halyna", "Galina");
    same("Gheorghe", "Georghe");
  });
  it("reads Romanian c before a, o, u as k", () => same("Nicolae", "Nikolae"));
  it("merges Serbian đ, Albanian gj and dzh", () => same("Đukić", "Dzhukich"));
  it("merges the Slavic endings -ii, -iy, -y", () => {
    same("Yurii", "Yuriy");
    same("Yuriy", "Yury");
  });
  it("keeps different names apart", () => {
    expect(phoneticName("Ivanova")).not.toBe(phoneticName("Ivanov"));
    expect(phoneticName("Maria")).not.toBe(phoneticName("Marina"));
  });
  it("gives a coarse skeleton for blocking", () => {
    expect(skeleton(phoneticWord("ivanova"))).toBe("avnv");
    expect(skeleton(phoneticWord("oleksandr"))).toBe("alcsnd");
  });
});

describe("variant and short forms of given names", () => {
  const group = (a: string, b: string) =>
    sameNameGroup(phoneticWord(foldLatin(a)), phoneticWord(foldLatin(b)));
  it("joins short forms and cross-language forms", () => {
    expect(group("Sasha", "Oleksandr")).toBe(true);
    expect(group("Aleksandr", "Alexandru")).toBe(true);
    expect(group("Katya", "Ekaterina")).toBe(true);
    expect(group("Ion", "Ivan")).toBe(true);
    expect(group("Gjergj", "Gheorghe")).toBe(true);
    expect(group("Olena", "Elena")).toBe(true);
  });
  it("keeps different names apart", () => {
    expect(group("Maria", "Elena")).toBe(false);
    expect(group("Ivan", "Mihai")).toBe(false);
  });
});
