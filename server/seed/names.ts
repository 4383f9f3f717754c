/**
 * Synthetic names for demo data, by country of origin (the seeds' countries: Moldova, Romania,
 * Ukraine, Bulgaria, Albania, Kosovo, Serbia, Russia). Some in Cyrillic, as they would be written.
 * Combinations are random: no real person is meant.
 */
export const syntheticNames: Record<string, { given: string[]; family: string[] }> = {
  MD: {
    given: ["Ana", "Ion", "Maria", "Elena", "Natalia", "Tatiana", "Cristina", "Olga"],
    family: ["Rusu", "Ceban", "Ciobanu", "Lungu", "Munteanu", "Cojocaru", "Țurcanu", "Bălan"],
  },
  RO: {
    given: ["Andreea", "Ioana", "Mihaela", "Alina", "Gabriela", "Florin", "Ramona", "Daniela"],
    family: ["Popescu", "Ionescu", "Dumitrescu", "Stan", "Ștefănescu", "Gheorghe", "Marin", "Toma"],
  },
  UA: {
    given: ["Оксана", "Юлія", "Olena", "Iryna", "Svitlana", "Наталія", "Kateryna", "Halyna"],
    family: ["Шевченко", "Kovalenko", "Bondarenko", "Ткаченко", "Kravchenko", "Oliynyk", "Melnyk", "Бойко"],
  },
  BG: {
    given: ["Мария", "Ivana", "Desislava", "Petya", "Gergana", "Светла", "Radka", "Vesela"],
    family: ["Иванова", "Petrova", "Georgieva", "Dimitrova", "Стоянова", "Nikolova", "Todorova", "Angelova"],
  },
  AL: {
    given: ["Elona", "Anila", "Mirela", "Blerta", "Dorina", "Klodiana", "Arben", "Eralda"],
    family: ["Hoxha", "Shehu", "Dervishi", "Çela", "Leka", "Gjoka", "Prifti", "Meta"],
  },
  XK: {
    given: ["Arta", "Drita", "Vlora", "Lirie", "Mimoza", "Fitore", "Teuta", "Blerina"],
    family: ["Berisha", "Krasniqi", "Gashi", "Morina", "Shala", "Bytyqi", "Hyseni", "Kelmendi"],
  },
  RS: {
    given: ["Jelena", "Ivana", "Милица", "Snežana", "Dragana", "Marija", "Јована", "Tamara"],
    family: ["Jovanović", "Петровић", "Nikolić", "Marković", "Đorđević", "Stojanović", "Илић", "Pavlović"],
  },
  RU: {
    given: ["Наталья", "Yulia", "Ekaterina", "Ольга", "Svetlana", "Irina", "Анна", "Tatyana"],
    family: ["Иванова", "Smirnova", "Kuznetsova", "Попова", "Volkova", "Sokolova", "Lebedeva", "Морозова"],
  },
};

/** Languages spoken by default in each country, for primary language in demo records. */
export const countryLanguage: Record<string, string> = {
  MD: "ro",
  RO: "ro",
  UA: "uk",
  BG: "bg",
  AL: "sq",
  XK: "sq",
  RS: "sr",
  RU: "ru",
};
