import type { LeafletTexts } from "./types";

export const sr: LeafletTexts = {
  title: "Vaša prava",
  intro: [
    "Ovaj letak vam govori o vašim pravima.",
    "Možda ste žrtva trgovine ljudima. To nije vaša krivica.",
    "Ljudi ovde žele da vam pomognu.",
    "Ako vam nešto nije jasno, pitajte. Objasnićemo vam ponovo.",
  ],
  keepSafe: "Čuvajte ovaj letak samo ako je to za vas bezbedno.",
  emergency: "Da li ste sada u opasnosti? Pozovite {phone}.",
  sections: {
    lawyer: {
      heading: "Advokat",
      body: [
        "Imate pravo na advokata.",
        "Advokat vam besplatno daje savete i pomoć.",
        "Advokat može da bude sa vama kada razgovarate sa policijom ili idete na sud.",
      ],
    },
    interpreter: {
      heading: "Prevodilac",
      body: [
        "Imate pravo na prevodioca na vašem jeziku.",
        "To je besplatno.",
        "Ako nešto ne razumete, recite.",
      ],
    },
    assistance_regardless_of_cooperation: {
      heading: "Pomoć i podrška",
      body: [
        "Možete dobiti pomoć: bezbedno mesto za boravak, lekarsku pomoć, pomoć psihologa, socijalnu pomoć i pravnu pomoć.",
        "Pomoć je besplatna.",
        "Ovu pomoć dobijate bez obzira na to da li razgovarate sa policijom ili ne.",
        "Ne morate da date izjavu da biste dobili pomoć.",
      ],
    },
    protection: {
      heading: "Bezbednost i privatnost",
      body: [
        "Imate pravo na zaštitu. Ako se plašite, recite nam. Zajedno sa vama ćemo napraviti plan za vašu bezbednost.",
        "Vaši lični podaci su poverljivi. Mogu da ih vide samo ljudi koji vam pomažu.",
        "Ako svedočite na sudu, sud može da vas zaštiti. Na primer, vaše ime može ostati tajna.",
      ],
    },
    compensation: {
      heading: "Naknada štete",
      body: [
        "Imate pravo da tražite novac za štetu koja vam je naneta. To se zove naknada štete.",
        "Možete je tražiti na sudu ili iz državnog fonda za žrtve.",
        "Vaš advokat može da vam pomogne u tome.",
      ],
    },
    reflection_period: {
      heading: "Vreme za odmor i odluku",
      body: [
        "Imate najmanje {days} da se odmorite, oporavite i razmislite o svojoj budućnosti.",
        "Za to vreme niko vas neće poslati odavde, i dobijate pomoć.",
        "Ne morate sada da odlučite.",
        "Sami odlučujete da li želite da pomognete policiji.",
      ],
    },
    non_prosecution: {
      heading: "Nećete biti kažnjeni",
      body: [
        "Niko ne sme da vas krivično goni ni da vas kazni za prostituciju ili za nezakonit ulazak u zemlju, ako se to desilo zbog trgovine ljudima.",
      ],
    },
    future: {
      heading: "Povratak kući ili ostanak",
      body: [
        "Možete da izaberete da se vratite kući. Povratak je dobrovoljan. Pomažemo vam da se bezbedno vratite.",
        "Pre nego što krenete, zajedno sa vama proveravamo da li je povratak za vas bezbedan.",
        "Ako ste iz druge zemlje, možete dobiti dozvolu da ovde ostanete neko vreme.",
        "Možete zatražiti i međunarodnu zaštitu (azil).",
        "Sudski postupak vas ne sprečava da se vratite kući.",
      ],
    },
    complaint: {
      heading: "Kako da se žalite",
      body: [
        "Ako se prema vama loše postupa, ili se vaša prava ne poštuju, možete da se žalite.",
        "Žalba je besplatna. Nećete izgubiti pomoć zato što ste se žalili.",
        "Možete se žaliti ovde:",
      ],
    },
  },
  days: { one: "dan", few: "dana", other: "dana" },
  contact: { phone: "Telefon", email: "E-pošta", web: "Veb-sajt" },
  handwritten: { contactPerson: "Vaša kontakt osoba", phone: "Telefon" },
  footer: "Ovaj letak je besplatan. Ne sadrži lične podatke.",
  availableIn: "Takođe na:",
};
