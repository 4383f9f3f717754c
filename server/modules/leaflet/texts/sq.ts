import type { LeafletTexts } from "./types";

export const sq: LeafletTexts = {
  title: "Të drejtat tuaja",
  intro: [
    "Kjo fletëpalosje ju tregon për të drejtat tuaja.",
    "Ju mund të jeni viktimë e trafikimit me qenie njerëzore. Nuk është faji juaj.",
    "Njerëzit këtu duan t’ju ndihmojnë.",
    "Nëse diçka nuk është e qartë, pyetni. Do t’jua shpjegojmë përsëri.",
  ],
  keepSafe: "Mbajeni këtë fletëpalosje vetëm nëse kjo është e sigurt për ju.",
  emergency: "Jeni në rrezik tani? Telefononi {phone}.",
  sections: {
    lawyer: {
      heading: "Avokati",
      body: [
        "Keni të drejtë për një avokat.",
        "Avokati ju jep këshilla dhe ndihmë falas.",
        "Avokati mund të jetë me ju kur flisni me policinë ose kur shkoni në gjykatë.",
      ],
    },
    interpreter: {
      heading: "Përkthyesi",
      body: [
        "Keni të drejtë për një përkthyes në gjuhën tuaj.",
        "Kjo është falas.",
        "Nëse nuk kuptoni diçka, thuajeni.",
      ],
    },
    assistance_regardless_of_cooperation: {
      heading: "Ndihmë dhe mbështetje",
      body: [
        "Mund të merrni ndihmë: një vend të sigurt për të qëndruar, kujdes mjekësor, ndihmë nga një psikolog, ndihmë sociale dhe ndihmë juridike.",
        "Ndihma është falas.",
        "Këtë ndihmë e merrni, pavarësisht nëse flisni me policinë apo jo.",
        "Nuk keni nevojë të jepni deklaratë për të marrë ndihmë.",
      ],
    },
    protection: {
      heading: "Siguria dhe privatësia",
      body: [
        "Keni të drejtë për mbrojtje. Nëse keni frikë, na tregoni. Do ta planifikojmë sigurinë tuaj bashkë me ju.",
        "Të dhënat tuaja personale janë konfidenciale. Vetëm njerëzit që ju ndihmojnë mund t’i shohin.",
        "Nëse dëshmoni në gjykatë, gjykata mund t’ju mbrojë. Për shembull, emri juaj mund të mbetet i fshehtë.",
      ],
    },
    compensation: {
      heading: "Kompensimi",
      body: [
        "Keni të drejtë të kërkoni para për dëmin që ju është bërë. Kjo quhet kompensim.",
        "Mund ta kërkoni në gjykatë ose nga një fond shtetëror për viktimat.",
        "Avokati juaj mund t’ju ndihmojë për këtë.",
      ],
    },
    reflection_period: {
      heading: "Kohë për të pushuar dhe për të vendosur",
      body: [
        "Keni të paktën {days} për të pushuar, për t’u shëruar dhe për të menduar për të ardhmen tuaj.",
        "Gjatë kësaj kohe askush nuk do t’ju dërgojë larg, dhe ju merrni ndihmë.",
        "Nuk keni nevojë të vendosni tani.",
        "Ju vendosni vetë nëse doni ta ndihmoni policinë.",
      ],
    },
    non_prosecution: {
      heading: "Nuk do të dënoheni",
      body: [
        "Nuk do të ndiqeni penalisht dhe nuk do të dënoheni për prostitucion ose për hyrje të paligjshme në vend, nëse kjo ndodhi për shkak të trafikimit.",
      ],
    },
    future: {
      heading: "Kthimi në shtëpi ose qëndrimi",
      body: [
        "Mund të zgjidhni të ktheheni në shtëpi. Kthimi është vullnetar. Ne ju ndihmojmë të ktheheni në mënyrë të sigurt.",
        "Para se të niseni, kontrollojmë bashkë me ju që kthimi të jetë i sigurt për ju.",
        "Nëse jeni nga një vend tjetër, mund të merrni leje për të qëndruar këtu për një kohë.",
        "Mund të kërkoni edhe mbrojtje ndërkombëtare (azil).",
        "Një proces gjyqësor nuk ju pengon të ktheheni në shtëpi.",
      ],
    },
    complaint: {
      heading: "Si të ankoheni",
      body: [
        "Nëse ju trajtojnë keq, ose nëse të drejtat tuaja nuk respektohen, mund të ankoheni.",
        "Ankesa është falas. Nuk do ta humbni ndihmën sepse jeni ankuar.",
        "Mund të ankoheni këtu:",
      ],
    },
  },
  days: { other: "ditë" },
  contact: { phone: "Telefoni", email: "Email", web: "Uebfaqja" },
  handwritten: { contactPerson: "Personi juaj i kontaktit", phone: "Telefoni" },
  footer: "Kjo fletëpalosje është falas. Nuk përmban të dhëna personale.",
  availableIn: "Edhe në:",
};
