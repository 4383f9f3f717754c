/**
 * A synthetic population for the identity-matching benchmark: people from the seeds' countries of
 * origin (Moldova, Romania, Ukraine, Bulgaria, Albania, Kosovo, Serbia, Russia), each registered
 * one or more times, the later records written the way different agencies write them: in Cyrillic
 * or in one of several romanisations, without diacritics, with a short form of the given name, a
 * typo, names swapped, a married double name, a birth date with day and month swapped, only a year,
 * an estimated age or nothing. The truth (which records are one person) is known.
 */
import { cyrillicToLatin, type CyrillicLanguage } from "../server/modules/matching/transliterate";
import { nicknameGroups } from "../server/modules/matching/nicknames";
import type { Sex } from "../server/modules/matching/score";

export type Random = () => number;

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/**
 * Zipf-like choice: the name of rank k (from 0) is chosen with weight 1 / (k + 8), so the commonest
 * of 25 names is about one in twelve, as the commonest given names of the region are.
 */
function pickCommon<T>(random: Random, list: readonly T[]): T {
  let total = 0;
  for (let k = 0; k < list.length; k++) total += 1 / (k + 8);
  let r = random() * total;
  for (let k = 0; k < list.length; k++) {
    r -= 1 / (k + 8);
    if (r < 0) return list[k] as T;
  }
  return list[list.length - 1] as T;
}

/** Middle syllables for the long tail of family names (in the country's script). */
const latinMiddles = [
  "",
  "",
  "ar",
  "el",
  "in",
  "or",
  "ul",
  "an",
  "il",
  "om",
  "ed",
  "ur",
  "at",
  "ob",
  "ir",
  "es",
];
const cyrillicMiddles = [
  "",
  "",
  "ар",
  "ел",
  "ин",
  "ор",
  "ул",
  "ан",
  "ил",
  "ом",
  "ед",
  "ур",
  "ат",
  "об",
  "ир",
  "ес",
];

interface Country {
  code: string;
  /** Cyrillic language of its documents, or null for Latin. */
  cyrillic: CyrillicLanguage | null;
  female: string[];
  male: string[];
  family: string[];
  /** Stems and endings for the long tail of family names. */
  stems: string[];
  endings: string[];
  /** Female family names take another ending (Ivanov, Ivanova). */
  feminine?: (name: string) => string;
  share: number;
}

const slavicFeminine = (name: string): string => {
  if (/(ов|ев|ин|ёв)$/.test(name)) return name + "а";
  if (/ский$/.test(name)) return name.replace(/ский$/, "ская");
  if (/ський$/.test(name)) return name.replace(/ський$/, "ська");
  if (/ски$/.test(name)) return name.replace(/ски$/, "ска");
  return name;
};

const countries: Country[] = [
  {
    code: "MD",
    cyrillic: null,
    share: 0.2,
    female: [
      "Maria",
      "Ana",
      "Elena",
      "Natalia",
      "Tatiana",
      "Irina",
      "Olga",
      "Svetlana",
      "Ecaterina",
      "Cristina",
      "Victoria",
      "Alexandra",
      "Daniela",
      "Valentina",
      "Mariana",
      "Doina",
      "Galina",
      "Nadejda",
      "Ludmila",
      "Aurelia",
      "Veronica",
      "Diana",
      "Iulia",
      "Corina",
      "Angela",
      "Lilia",
      "Liliana",
      "Alina",
      "Nicoleta",
    ],
    male: [
      "Ion",
      "Vasile",
      "Gheorghe",
      "Nicolae",
      "Andrei",
      "Sergiu",
      "Mihai",
      "Alexandru",
      "Dumitru",
      "Vladimir",
      "Petru",
      "Victor",
      "Igor",
      "Iurie",
      "Constantin",
      "Ilie",
      "Valeriu",
      "Dorin",
      "Vitalie",
      "Radu",
    ],
    family: [
      "Rusu",
      "Ceban",
      "Ciobanu",
      "Turcan",
      "Cebotari",
      "Lungu",
      "Munteanu",
      "Rotari",
      "Moraru",
      "Cojocaru",
      "Popa",
      "Sirbu",
      "Bivol",
      "Guțu",
      "Țurcanu",
      "Melnic",
      "Căldare",
      "Bălan",
      "Grosu",
      "Roșca",
      "Bejenari",
      "Postolachi",
      "Plămădeală",
      "Crețu",
      "Ursu",
    ],
    stems: [
      "Bej",
      "Cot",
      "Mor",
      "Rac",
      "Prod",
      "Bul",
      "Chir",
      "Dob",
      "Gheț",
      "Lup",
      "Mir",
      "Năst",
      "Pâr",
      "Sav",
      "Stăn",
      "Tab",
      "Vâr",
      "Zăp",
      "Rom",
      "Pleș",
    ],
    endings: [
      "an",
      "anu",
      "eanu",
      "escu",
      "aru",
      "ari",
      "ache",
      "ică",
      "uță",
      "ciuc",
      "enco",
      "ov",
      "iuc",
      "ean",
    ],
  },
  {
    code: "RO",
    cyrillic: null,
    share: 0.1,
    female: [
      "Maria",
      "Elena",
      "Ioana",
      "Andreea",
      "Mihaela",
      "Ana",
      "Cristina",
      "Alexandra",
      "Gabriela",
      "Daniela",
      "Florentina",
      "Ionela",
      "Nicoleta",
      "Simona",
      "Raluca",
      "Roxana",
      "Larisa",
      "Adriana",
      "Ștefania",
      "Georgiana",
    ],
    male: [
      "Ion",
      "Gheorghe",
      "Constantin",
      "Alexandru",
      "Andrei",
      "Mihai",
      "Ștefan",
      "Florin",
      "Marius",
      "Cristian",
      "Adrian",
      "Bogdan",
      "Ionuț",
      "Vasile",
      "Nicolae",
      "Daniel",
      "Gabriel",
      "Cătălin",
      "Sorin",
      "Costel",
    ],
    family: [
      "Popa",
      "Popescu",
      "Pop",
      "Radu",
      "Dumitru",
      "Stan",
      "Stoica",
      "Gheorghe",
      "Matei",
      "Ciobanu",
      "Ionescu",
      "Rusu",
      "Mihai",
      "Constantin",
      "Marin",
      "Munteanu",
      "Diaconu",
      "Toma",
      "Dinu",
      "Tudor",
      "Ștefan",
      "Vasilescu",
      "Niță",
      "Dobre",
      "Bărbulescu",
    ],
    stems: [
      "Băl",
      "Cost",
      "Drag",
      "Ghiț",
      "Iord",
      "Mănd",
      "Nedel",
      "Oprea",
      "Pârv",
      "Rădul",
      "Sterg",
      "Tănas",
      "Văd",
      "Zamfir",
      "Bujor",
      "Cârst",
      "Fărc",
      "Mocan",
      "Preda",
      "Ungur",
    ],
    endings: ["escu", "eanu", "an", "ache", "oiu", "ilă", "ică", "aru", "ete", "ea"],
  },
  {
    code: "UA",
    cyrillic: "uk",
    share: 0.2,
    female: [
      "Олена",
      "Наталія",
      "Тетяна",
      "Ірина",
      "Юлія",
      "Оксана",
      "Світлана",
      "Марія",
      "Ганна",
      "Анастасія",
      "Катерина",
      "Олександра",
      "Вікторія",
      "Людмила",
      "Галина",
      "Валентина",
      "Надія",
      "Дарія",
      "Ольга",
      "Христина",
      "Євгенія",
      "Софія",
      "Лілія",
      "Вероніка",
      "Зоряна",
    ],
    male: [
      "Олександр",
      "Сергій",
      "Андрій",
      "Володимир",
      "Микола",
      "Іван",
      "Василь",
      "Юрій",
      "Олексій",
      "Дмитро",
      "Михайло",
      "Петро",
      "Віктор",
      "Богдан",
      "Тарас",
      "Ігор",
      "Максим",
      "Степан",
      "Євген",
      "Роман",
    ],
    family: [
      "Мельник",
      "Шевченко",
      "Коваленко",
      "Бондаренко",
      "Бойко",
      "Ткаченко",
      "Кравченко",
      "Ковальчук",
      "Коваль",
      "Олійник",
      "Шевчук",
      "Поліщук",
      "Іваненко",
      "Лисенко",
      "Марченко",
      "Савченко",
      "Руденко",
      "Мороз",
      "Павленко",
      "Кравчук",
      "Гуменюк",
      "Литвиненко",
      "Гнатюк",
      "Згурський",
      "Клименко",
    ],
    stems: [
      "Бонд",
      "Гриц",
      "Дорош",
      "Жур",
      "Зін",
      "Кирил",
      "Левч",
      "Мазур",
      "Нестер",
      "Остап",
      "Петрен",
      "Романч",
      "Сидор",
      "Тимош",
      "Федор",
      "Харч",
      "Цимб",
      "Яцен",
      "Щерб",
      "Юрч",
    ],
    endings: ["енко", "ук", "юк", "чук", "ко", "ишин", "ський", "ак", "ець", "ич"],
    feminine: slavicFeminine,
  },
  {
    code: "BG",
    cyrillic: "bg",
    share: 0.1,
    female: [
      "Мария",
      "Иванка",
      "Елена",
      "Йорданка",
      "Пенка",
      "Даниела",
      "Виолета",
      "Галина",
      "Десислава",
      "Цветанка",
      "Анна",
      "Радка",
      "Снежана",
      "Петя",
      "Николина",
      "Стефка",
      "Гергана",
      "Теодора",
      "Кристина",
      "Валентина",
    ],
    male: [
      "Георги",
      "Иван",
      "Димитър",
      "Николай",
      "Петър",
      "Христо",
      "Стоян",
      "Тодор",
      "Йордан",
      "Васил",
      "Атанас",
      "Стефан",
      "Красимир",
      "Пламен",
      "Александър",
      "Борис",
      "Ангел",
      "Калоян",
      "Любомир",
      "Мартин",
    ],
    family: [
      "Иванов",
      "Георгиев",
      "Димитров",
      "Петров",
      "Николов",
      "Христов",
      "Стоянов",
      "Тодоров",
      "Илиев",
      "Василев",
      "Атанасов",
      "Петков",
      "Ангелов",
      "Колев",
      "Йорданов",
      "Маринов",
      "Стефанов",
      "Попов",
      "Михайлов",
      "Кръстев",
      "Костов",
      "Дамянов",
      "Пенчев",
      "Цветков",
      "Шишков",
    ],
    stems: [
      "Бъчв",
      "Велич",
      "Генч",
      "Добр",
      "Жел",
      "Злат",
      "Къне",
      "Лаз",
      "Манч",
      "Недял",
      "Огн",
      "Пав",
      "Рад",
      "Слав",
      "Тан",
      "Филип",
      "Хадж",
      "Цон",
      "Чакър",
      "Янак",
    ],
    endings: ["ов", "ев", "ски", "ин", "чев", "анов"],
    feminine: slavicFeminine,
  },
  {
    code: "AL",
    cyrillic: null,
    share: 0.1,
    female: [
      "Ana",
      "Maria",
      "Elona",
      "Klea",
      "Ajola",
      "Anxhela",
      "Besjana",
      "Brikena",
      "Dorina",
      "Elisa",
      "Fatjona",
      "Jonida",
      "Klodiana",
      "Lindita",
      "Marsela",
      "Rezarta",
      "Sindi",
      "Xhesika",
      "Ermira",
      "Dritë",
    ],
    male: [
      "Arben",
      "Artan",
      "Besnik",
      "Dritan",
      "Ermal",
      "Fatmir",
      "Gjergj",
      "Ilir",
      "Klodian",
      "Leonard",
      "Marjan",
      "Nikollë",
      "Olsi",
      "Pjetër",
      "Redon",
      "Sokol",
      "Tomor",
      "Xhevdet",
      "Ylli",
      "Gëzim",
    ],
    family: [
      "Hoxha",
      "Shehu",
      "Leka",
      "Gjoka",
      "Çela",
      "Marku",
      "Prifti",
      "Dervishi",
      "Kola",
      "Basha",
      "Hysa",
      "Muça",
      "Lika",
      "Gjoni",
      "Koçi",
      "Xhafa",
      "Mema",
      "Bregu",
      "Dushku",
      "Përmeti",
      "Rama",
      "Meta",
      "Berisha",
      "Zeqiri",
      "Topalli",
    ],
    stems: [
      "Bard",
      "Çun",
      "Dod",
      "Gjin",
      "Hal",
      "Kaç",
      "Lul",
      "Mart",
      "Ndr",
      "Qer",
      "Rush",
      "Shkr",
      "Taf",
      "Vlor",
      "Xhel",
      "Zef",
      "Brah",
      "Dem",
      "Ferr",
      "Kuq",
    ],
    endings: ["aj", "i", "a", "ollari", "oja", "ushi", "eni", "aku", "ja", "ëri"],
  },
  {
    code: "XK",
    cyrillic: null,
    share: 0.1,
    female: [
      "Arta",
      "Blerta",
      "Donika",
      "Drita",
      "Fatmire",
      "Fjolla",
      "Gresa",
      "Kaltrina",
      "Lirije",
      "Mimoza",
      "Njomza",
      "Qëndresa",
      "Rina",
      "Shqipe",
      "Teuta",
      "Valbona",
      "Vjosa",
      "Zana",
      "Albulena",
      "Edona",
    ],
    male: [
      "Agron",
      "Bekim",
      "Blerim",
      "Burim",
      "Driton",
      "Ekrem",
      "Faton",
      "Fitim",
      "Granit",
      "Hysen",
      "Ilir",
      "Kushtrim",
      "Liridon",
      "Mentor",
      "Naim",
      "Qëndrim",
      "Shpëtim",
      "Valon",
      "Visar",
      "Xhavit",
    ],
    family: [
      "Krasniqi",
      "Gashi",
      "Berisha",
      "Morina",
      "Shala",
      "Bytyqi",
      "Hoxha",
      "Kastrati",
      "Kryeziu",
      "Ahmeti",
      "Hasani",
      "Rexhepi",
      "Sylejmani",
      "Osmani",
      "Mustafa",
      "Thaçi",
      "Haliti",
      "Zeqiri",
      "Bajrami",
      "Rama",
      "Musliu",
      "Avdiu",
      "Maloku",
      "Jashari",
      "Dreshaj",
    ],
    stems: [
      "Bal",
      "Dem",
      "Fej",
      "Gjer",
      "Hal",
      "Ism",
      "Kurt",
      "Lim",
      "Mehm",
      "Nez",
      "Pllan",
      "Qerk",
      "Rug",
      "Sahit",
      "Tahir",
      "Uk",
      "Vokr",
      "Xhem",
      "Ymer",
      "Zym",
    ],
    endings: ["aj", "iu", "i", "ani", "qi", "ja", "ollari", "oli", "ushi", "ku"],
  },
  {
    code: "RS",
    cyrillic: "sr",
    share: 0.1,
    female: [
      "Јелена",
      "Марија",
      "Ана",
      "Милица",
      "Драгана",
      "Ивана",
      "Снежана",
      "Јована",
      "Наташа",
      "Тамара",
      "Биљана",
      "Весна",
      "Гордана",
      "Сања",
      "Тијана",
      "Катарина",
      "Александра",
      "Јасмина",
      "Даница",
      "Невена",
    ],
    male: [
      "Никола",
      "Марко",
      "Стефан",
      "Милош",
      "Драган",
      "Зоран",
      "Александар",
      "Горан",
      "Дејан",
      "Ненад",
      "Иван",
      "Милан",
      "Душан",
      "Небојша",
      "Бојан",
      "Ђорђе",
      "Лазар",
      "Вук",
      "Петар",
      "Јован",
    ],
    family: [
      "Јовановић",
      "Петровић",
      "Николић",
      "Марковић",
      "Ђорђевић",
      "Стојановић",
      "Илић",
      "Станковић",
      "Павловић",
      "Милошевић",
      "Станојевић",
      "Ђурић",
      "Костић",
      "Лукић",
      "Митић",
      "Живковић",
      "Тодоровић",
      "Пешић",
      "Савић",
      "Поповић",
      "Ћирић",
      "Јанковић",
      "Ристић",
      "Шћепановић",
      "Радуловић",
    ],
    stems: [
      "Бог",
      "Вас",
      "Гај",
      "Дамј",
      "Жив",
      "Зец",
      "Кнеж",
      "Љуб",
      "Мил",
      "Новак",
      "Обрад",
      "Рад",
      "Сим",
      "Тош",
      "Ћос",
      "Ђук",
      "Чол",
      "Џак",
      "Шар",
      "Миљ",
    ],
    endings: ["ић", "овић", "евић", "ин", "ски", "ац"],
  },
  {
    code: "RU",
    cyrillic: "ru",
    share: 0.1,
    female: [
      "Елена",
      "Ольга",
      "Наталья",
      "Татьяна",
      "Ирина",
      "Светлана",
      "Анна",
      "Мария",
      "Юлия",
      "Екатерина",
      "Анастасия",
      "Дарья",
      "Ксения",
      "Алёна",
      "Виктория",
      "Людмила",
      "Галина",
      "Валентина",
      "Надежда",
      "Евгения",
      "Елизавета",
      "Маргарита",
      "Вероника",
      "Полина",
      "Софья",
    ],
    male: [
      "Александр",
      "Сергей",
      "Дмитрий",
      "Андрей",
      "Алексей",
      "Максим",
      "Евгений",
      "Иван",
      "Михаил",
      "Николай",
      "Владимир",
      "Юрий",
      "Игорь",
      "Павел",
      "Константин",
      "Виктор",
      "Артём",
      "Роман",
      "Олег",
      "Илья",
    ],
    family: [
      "Иванов",
      "Смирнов",
      "Кузнецов",
      "Попов",
      "Васильев",
      "Петров",
      "Соколов",
      "Михайлов",
      "Новиков",
      "Фёдоров",
      "Морозов",
      "Волков",
      "Алексеев",
      "Лебедев",
      "Семёнов",
      "Егоров",
      "Павлов",
      "Козлов",
      "Степанов",
      "Николаев",
      "Орлов",
      "Андреев",
      "Макаров",
      "Никитин",
      "Захаров",
    ],
    stems: [
      "Бел",
      "Вороб",
      "Гус",
      "Жук",
      "Зайц",
      "Калин",
      "Лыс",
      "Мельн",
      "Тихон",
      "Филат",
      "Хром",
      "Цвет",
      "Чернышёв",
      "Шуст",
      "Щукин",
      "Юдин",
      "Якушев",
      "Гром",
      "Дьяч",
      "Сыч",
    ],
    endings: ["ов", "ев", "ин", "ский", "ых", "енко"],
    feminine: slavicFeminine,
  },
];

export interface Identity {
  person: number;
  country: Country;
  sex: Sex;
  given: string;
  family: string;
  year: number;
  month: number;
  day: number;
}

/**
 * A family name: one of the 25 commonest (together a quarter of people; the commonest about 2 %),
 * or one of the long tail (stem, two syllables and ending: about 50,000 per country; real
 * registries of these countries hold tens of thousands of family names).
 */
function familyName(random: Random, country: Country): string {
  if (random() < 0.25) return pickCommon(random, country.family);
  const stem = pick(random, country.stems);
  const middles = country.cyrillic === null ? latinMiddles : cyrillicMiddles;
  const ending = pick(random, country.endings);
  const joined = stem + pick(random, middles) + pick(random, middles) + ending;
  return joined[0]?.toUpperCase() + joined.slice(1);
}

function chooseCountry(random: Random): Country {
  let r = random();
  for (const c of countries) {
    r -= c.share;
    if (r < 0) return c;
  }
  return countries[0] as Country;
}

export function makeIdentity(random: Random, person: number): Identity {
  const country = chooseCountry(random);
  const sex: Sex = random() < 0.75 ? "F" : "M";
  const given = pickCommon(random, sex === "F" ? country.female : country.male);
  let family = familyName(random, country);
  if (sex === "F" && country.feminine) family = country.feminine(family);
  const year = 1965 + Math.floor(random() * 45);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return { person, country, sex, given, family, year, month, day };
}

/** Serbian letters that other alphabets lack, as a Russian or Ukrainian speaker writes them. */
function asRussianLetters(text: string): string {
  const map: Record<string, string> = {
    ћ: "ч",
    ђ: "дж",
    љ: "ль",
    њ: "нь",
    ј: "й",
    џ: "дж",
    Ћ: "Ч",
    Ђ: "Дж",
    Љ: "Ль",
    Њ: "Нь",
    Ј: "Й",
    Џ: "Дж",
  };
  return [...text].map((c) => map[c] ?? c).join("");
}

/** Informal romanisation, as a clerk abroad writes a name heard or read ("Julija", "Jelena"). */
function informalLatin(text: string, language: CyrillicLanguage): string {
  const base = cyrillicToLatin(
    language === "sr" ? asRussianLetters(text) : text,
    language === "sr" ? "ru" : language,
  );
  return base
    .replace(/^Yu|^Iu/, "Ju")
    .replace(/^Ya|^Ia/, "Ja")
    .replace(/iia$|iya$/, "ija")
    .replace(/kh/g, "h")
    .replace(/y$/, "i");
}

function render(random: Random, text: string, country: Country): string {
  if (country.cyrillic === null) {
    // Latin scripts with diacritics: a keyboard without them drops them.
    return random() < 0.4 ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : text;
  }
  const r = random();
  if (r < 0.25) return text;
  const other: Record<CyrillicLanguage, CyrillicLanguage> = {
    ru: "uk",
    uk: "ru",
    bg: "ru",
    sr: "ru",
    mk: "sr",
  };
  if (r < 0.6) {
    const latin = cyrillicToLatin(text, country.cyrillic);
    return random() < 0.5 ? latin.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : latin;
  }
  if (r < 0.8) {
    const language = other[country.cyrillic];
    return cyrillicToLatin(country.cyrillic === "sr" ? asRussianLetters(text) : text, language);
  }
  return informalLatin(text, country.cyrillic);
}

function typo(random: Random, text: string): string {
  if (text.length < 4) return text;
  const i = 1 + Math.floor(random() * (text.length - 2));
  const letters = /[\u0400-\u04FF]/.test(text) ? "аеиоулнрсткмвд" : "aeioulnrstkmvd";
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + pick(random, [...letters]) + text.slice(i);
    case 2:
      return text.slice(0, i) + pick(random, [...letters]) + text.slice(i + 1);
    default:
      return text.slice(0, i) + (text[i + 1] ?? "") + (text[i] ?? "") + text.slice(i + 2);
  }
}

function variantGiven(random: Random, given: string): string {
  const latin = cyrillicToLatin(given, "ru")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const group = nicknameGroups.find((g) =>
    g.some(
      (v) =>
        v
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase() === latin,
    ),
  );
  return group ? pick(random, group) : given;
}

export interface GeneratedRecord {
  id: string;
  person: number;
  given: string;
  family: string;
  birthDate: string;
  sex: string;
  citizenship: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** One registration of the identity; `first` is the record made with documents. */
export function makeRecord(random: Random, identity: Identity, id: string, first: boolean): GeneratedRecord {
  const { country } = identity;
  let given = identity.given;
  let family = identity.family;
  let birthDate = `${identity.year}-${pad(identity.month)}-${pad(identity.day)}`;
  let sex: string = identity.sex;
  let citizenship = country.code;
  if (!first) {
    if (random() < 0.1) given = variantGiven(random, given);
    // A married or second family name added (Popescu-Ionescu) or the second dropped.
    if (random() < 0.04) family = `${family}-${familyName(random, country)}`;
    given = render(random, given, country);
    family = render(random, family, country);
    if (random() < 0.05) given = typo(random, given);
    if (random() < 0.05) family = typo(random, family);
    if (random() < 0.04) [given, family] = [family, given];
    const d = random();
    if (d < 0.5) {
      // as registered
    } else if (d < 0.55 && identity.day <= 12) {
      birthDate = `${identity.year}-${pad(identity.day)}-${pad(identity.month)}`;
    } else if (d < 0.7) {
      birthDate = String(identity.year);
    } else if (d < 0.78) {
      birthDate = "";
    } else if (d < 0.86) {
      // An age estimated at the interview: the year one off either way, or right.
      birthDate = String(identity.year + pick(random, [-1, 0, 0, 1]));
    } else if (d < 0.93) {
      const day = 1 + ((identity.day + Math.floor(random() * 27)) % 28);
      birthDate = `${identity.year}-${pad(identity.month)}-${pad(day)}`;
    } else if (d < 0.96) {
      const month = 1 + ((identity.month + Math.floor(random() * 11)) % 12);
      birthDate = `${identity.year}-${pad(month)}-${pad(identity.day)}`;
    } else {
      birthDate = `${identity.year + pick(random, [-1, 1, 10, -10])}-${pad(identity.month)}-${pad(identity.day)}`;
    }
    if (random() < 0.05) sex = "";
    const c = random();
    if (c < 0.05) citizenship = "";
    else if (c < 0.07 && (country.code === "MD" || country.code === "RO"))
      citizenship = country.code === "MD" ? "RO" : "MD";
  }
  return { id, person: identity.person, given, family, birthDate, sex, citizenship };
}

/**
 * `records` registrations of people: most people once, one in five two to four times (registered
 * again by another agency, or trafficked again).
 */
export function makeRecords(random: Random, records: number, prefix = "r"): GeneratedRecord[] {
  const out: GeneratedRecord[] = [];
  let person = 0;
  while (out.length < records) {
    const identity = makeIdentity(random, person);
    const copies = random() < 0.2 ? 2 + Math.floor(random() * 3) : 1;
    for (let c = 0; c < copies && out.length < records; c++) {
      out.push(makeRecord(random, identity, `${prefix}${out.length + 1}`, c === 0));
    }
    person += 1;
  }
  // Shuffled, so that duplicates are not neighbours in the file.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as GeneratedRecord, out[i] as GeneratedRecord];
  }
  return out;
}
