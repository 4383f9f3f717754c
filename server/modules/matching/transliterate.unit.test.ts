import { describe, expect, it } from "vitest";
import { cyrillicToLatin, detectCyrillicLanguage, serbianLatinToCyrillic, toLatin } from "./transliterate";

describe("Russian romanisation (passport system, ICAO 9303)", () => {
  it("writes ю, я, й and х as iu, ia, i and kh", () => {
    expect(cyrillicToLatin("Юлия", "ru")).toBe("Iuliia");
    expect(cyrillicToLatin("Михаил Хохлов", "ru")).toBe("Mikhail Khokhlov");
    expect(cyrillicToLatin("Андрей", "ru")).toBe("Andrei");
  });
  it("writes ж, ц, ч, ш, щ as zh, ts, ch, sh, shch and drops the soft sign", () => {
    expect(cyrillicToLatin("Жанна Царёва", "ru")).toBe("Zhanna Tsareva");
    expect(cyrillicToLatin("Щукина", "ru")).toBe("Shchukina");
    expect(cyrillicToLatin("Наталья", "ru")).toBe("Natalia");
    expect(cyrillicToLatin("Дарья Шишкина", "ru")).toBe("Daria Shishkina");
  });
  it("writes ы as y and ъ as ie", () => {
    expect(cyrillicToLatin("Рыбакова", "ru")).toBe("Rybakova");
    expect(cyrillicToLatin("Объедкова", "ru")).toBe("Obieedkova");
  });
});

describe("Ukrainian romanisation (official table of 2010)", () => {
  it("writes г as h, ґ as g, и as y and і as i", () => {
    expect(cyrillicToLatin("Галина", "uk")).toBe("Halyna");
    expect(cyrillicToLatin("Ґудзь", "uk")).toBe("Gudz");
    expect(cyrillicToLatin("Ірина Мельник", "uk")).toBe("Iryna Melnyk");
  });
  it("writes є, ї, й, ю, я as ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia elsewhere", () => {
    expect(cyrillicToLatin("Юлія", "uk")).toBe("Yuliia");
    expect(cyrillicToLatin("Євгенія", "uk")).toBe("Yevheniia");
    expect(cyrillicToLatin("Їжакевич", "uk")).toBe("Yizhakevych");
    expect(cyrillicToLatin("Йосип Київський", "uk")).toBe("Yosyp Kyivskyi");
    expect(cyrillicToLatin("Яна Заєць", "uk")).toBe("Yana Zaiets");
  });
  it("writes зг as zgh and drops the apostrophe", () => {
    expect(cyrillicToLatin("Згурський", "uk")).toBe("Zghurskyi");
    expect(cyrillicToLatin("Мар'яна", "uk")).toBe("Mariana");
  });
});

describe("Bulgarian romanisation (Transliteration Act 2009)", () => {
  it("writes ъ as a, щ as sht, х as h, й as y", () => {
    expect(cyrillicToLatin("Кръстева", "bg")).toBe("Krasteva");
    expect(cyrillicToLatin("Щерева", "bg")).toBe("Shtereva");
    expect(cyrillicToLatin("Христо Йорданов", "bg")).toBe("Hristo Yordanov");
  });
  it("writes a final -ия as -ia and ю, я as yu, ya elsewhere", () => {
    expect(cyrillicToLatin("Мария", "bg")).toBe("Maria");
    expect(cyrillicToLatin("Юлияна", "bg")).toBe("Yuliyana");
  });
});

describe("Serbian Cyrillic and Latin", () => {
  it("map letter for letter, digraphs included", () => {
    expect(cyrillicToLatin("Ђорђе Петровић", "sr")).toBe("Đorđe Petrović");
    expect(cyrillicToLatin("Љиљана Њежић", "sr")).toBe("Ljiljana Nježić");
    expect(cyrillicToLatin("Џемила Јовановић", "sr")).toBe("Džemila Jovanović");
  });
  it("go back from Latin to Cyrillic", () => {
    expect(serbianLatinToCyrillic("Đorđe Petrović")).toBe("Ђорђе Петровић");
    expect(serbianLatinToCyrillic("Ljiljana Nježić")).toBe("Љиљана Њежић");
    expect(serbianLatinToCyrillic("Džemila")).toBe("Џемила");
  });
});

describe("Macedonian romanisation", () => {
  it("writes ѓ, ќ, ѕ, џ as gj, kj, dz, dzh", () => {
    expect(cyrillicToLatin("Ѓорѓи", "mk")).toBe("Gjorgji");
    expect(cyrillicToLatin("Ќирил", "mk")).toBe("Kjiril");
    expect(cyrillicToLatin("Ѕвезда Џафероска", "mk")).toBe("Dzvezda Dzhaferoska");
    expect(cyrillicToLatin("Јована Чаушеска", "mk")).toBe("Jovana Chausheska");
  });
});

describe("choosing the language", () => {
  it("by letters only one alphabet has", () => {
    expect(detectCyrillicLanguage("Олексій")).toBe("uk");
    expect(detectCyrillicLanguage("Ђурић")).toBe("sr");
    expect(detectCyrillicLanguage("Ѓорѓиев")).toBe("mk");
    expect(detectCyrillicLanguage("Рыбаков")).toBe("ru");
  });
  it("by citizenship when the letters are common to several", () => {
    expect(detectCyrillicLanguage("Мария", "BG")).toBe("bg");
    expect(detectCyrillicLanguage("Галина", "UA")).toBe("uk");
    expect(detectCyrillicLanguage("Галина", "MD")).toBe("ru");
    expect(detectCyrillicLanguage("Никола", "XK")).toBe("sr");
    expect(detectCyrillicLanguage("Јована", "MK")).toBe("mk");
  });
  it("leaves Latin text as it is", () => {
    expect(toLatin("Ștefan Popescu", "RO")).toBe("Ștefan Popescu");
    expect(toLatin("Юлия", "RU")).toBe("Iuliia");
  });
});
