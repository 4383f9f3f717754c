import type { LeafletTexts } from "./types";

export const ro: LeafletTexts = {
  title: "Drepturile dumneavoastră",
  intro: [
    "Acest pliant vă spune care sunt drepturile dumneavoastră.",
    "Este posibil să fiți victima traficului de persoane. Nu este vina dumneavoastră.",
    "Oamenii de aici vor să vă ajute.",
    "Dacă ceva nu este clar, întrebați. Vă explicăm din nou.",
  ],
  keepSafe: "Păstrați acest pliant numai dacă acest lucru este sigur pentru dumneavoastră.",
  emergency: "Sunteți în pericol acum? Sunați la {phone}.",
  sections: {
    lawyer: {
      heading: "Un avocat",
      body: [
        "Aveți dreptul la un avocat.",
        "Avocatul vă dă sfaturi și ajutor gratuit.",
        "Avocatul poate fi alături de dumneavoastră când vorbiți cu poliția sau când mergeți la tribunal.",
      ],
    },
    interpreter: {
      heading: "Un interpret",
      body: [
        "Aveți dreptul la un interpret în limba dumneavoastră.",
        "Acest lucru este gratuit.",
        "Dacă nu înțelegeți ceva, spuneți.",
      ],
    },
    assistance_regardless_of_cooperation: {
      heading: "Ajutor și sprijin",
      body: [
        "Puteți primi ajutor: un loc sigur unde să stați, îngrijire medicală, ajutor de la un psiholog, ajutor social și ajutor juridic.",
        "Ajutorul este gratuit.",
        "Primiți acest ajutor indiferent dacă vorbiți sau nu cu poliția.",
        "Nu trebuie să dați o declarație ca să primiți ajutor.",
      ],
    },
    protection: {
      heading: "Siguranță și viață privată",
      body: [
        "Aveți dreptul la protecție. Dacă vă este frică, spuneți-ne. Vom face împreună un plan pentru siguranța dumneavoastră.",
        "Datele dumneavoastră personale sunt confidențiale. Numai oamenii care vă ajută le pot vedea.",
        "Dacă depuneți mărturie în instanță, instanța vă poate proteja. De exemplu, numele dumneavoastră poate rămâne secret.",
      ],
    },
    compensation: {
      heading: "Despăgubiri",
      body: [
        "Aveți dreptul să cereți bani pentru răul care vi s-a făcut. Aceasta se numește despăgubire.",
        "Puteți cere despăgubirea în instanță sau de la un fond de stat pentru victime.",
        "Avocatul dumneavoastră vă poate ajuta în acest sens.",
      ],
    },
    reflection_period: {
      heading: "Timp pentru odihnă și decizie",
      body: [
        "Aveți cel puțin {days} ca să vă odihniți, să vă refaceți și să vă gândiți la viitorul dumneavoastră.",
        "În acest timp nimeni nu vă trimite de aici, iar dumneavoastră primiți ajutor.",
        "Nu trebuie să decideți acum.",
        "Dumneavoastră decideți dacă vreți să ajutați poliția.",
      ],
    },
    non_prosecution: {
      heading: "Nu veți primi nicio pedeapsă",
      body: [
        "Nimeni nu vă poate urmări penal sau pedepsi pentru prostituție sau pentru intrarea ilegală în țară, dacă acestea s-au întâmplat din cauza traficului de persoane.",
      ],
    },
    future: {
      heading: "Întoarcerea acasă sau rămânerea aici",
      body: [
        "Puteți alege să vă întoarceți acasă. Întoarcerea este voluntară. Vă ajutăm să vă întoarceți în siguranță.",
        "Înainte să plecați, verificăm împreună cu dumneavoastră că întoarcerea este sigură pentru dumneavoastră.",
        "Dacă sunteți din altă țară, puteți primi un permis ca să rămâneți aici o perioadă.",
        "Puteți cere și protecție internațională (azil).",
        "Un proces în instanță nu vă împiedică să vă întoarceți acasă.",
      ],
    },
    complaint: {
      heading: "Cum să faceți o plângere",
      body: [
        "Dacă cineva se poartă urât cu dumneavoastră sau dacă drepturile dumneavoastră nu sunt respectate, puteți face o plângere.",
        "Plângerea este gratuită. Nu pierdeți ajutorul pentru că ați făcut o plângere.",
        "Puteți face o plângere aici:",
      ],
    },
  },
  days: { one: "zi", few: "zile", other: "de zile" },
  contact: { phone: "Telefon", email: "E-mail", web: "Site" },
  handwritten: { contactPerson: "Persoana dumneavoastră de contact", phone: "Telefon" },
  footer: "Acest pliant este gratuit. Nu conține date personale.",
  availableIn: "Și în:",
};
