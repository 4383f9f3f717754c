import { alertsMessages } from "./messages/alerts";
import { assistanceMessages } from "./messages/assistance";
import { breakglassMessages } from "./messages/breakglass";
import { childrenMessages } from "./messages/children";
import { coordinationMessages } from "./messages/coordination";
import { futureMessages } from "./messages/future";
import { interviewMessages } from "./messages/interview";
import { leafletMessages } from "./messages/leaflet";
import { sheltersMessages } from "./messages/shelters";
import { operationsMessages } from "./messages/operations";
import { securityMessages } from "./messages/security";
import { justiceMessages } from "./messages/justice";
import { intelligenceMessages } from "./messages/intelligence";
import { matchingMessages } from "./messages/matching";
import { hotlineMessages } from "./messages/hotline";
import { statisticsMessages } from "./messages/statistics";
import { retentionMessages } from "./messages/retention";
import type { Language } from "./roles";

/**
 * Error messages by code, in every UI language. The server answers bad input with these in the
 * user's language; the browser shows the same ones when the shared schemas refuse input.
 * `{field}` is replaced by the field's label where the caller has one.
 */
const coreErrorCodes = [
  "required",
  "too_long",
  "too_big",
  "too_small",
  "too_many",
  "invalid_type",
  "invalid_choice",
  "invalid_date",
  "date_in_future",
  "birth_after_identification",
  "too_old",
  "unknown_field",
  "invalid_input",
  "malformed_json",
  "body_too_large",
  "unsupported_media_type",
  "not_found",
  "forbidden",
  "unauthorized",
  "csrf",
  "invalid_credentials",
  "account_locked",
  "too_many_attempts",
  "totp_invalid",
  "totp_enrolment_required",
  "password_change_required",
  "requirements_missing",
  "no_pathway",
  "task_done",
  "password_too_short",
  "password_wrong",
  "duplicate_username",
  "duplicate_code",
  "already_on_team",
  "cannot_deactivate_self",
  "consent_required",
  "legal_basis_not_applicable",
  "referral_to_own_agency",
  "decline_reason_required",
  "referral_closed",
  "closure_pending",
  "closure_approved",
  "closure_not_pending",
  "case_not_closed",
  "reopening_reason_exists",
  "write_conflict",
  "unavailable",
  "internal",
] as const;
type CoreErrorCode = (typeof coreErrorCodes)[number];

/** Each module's own codes live beside the others in shared/messages/, one file a module. */
export const errorCodes = [
  ...coreErrorCodes,
  ...alertsMessages.codes,
  ...assistanceMessages.codes,
  ...childrenMessages.codes,
  ...coordinationMessages.codes,
  ...futureMessages.codes,
  ...interviewMessages.codes,
  ...leafletMessages.codes,
  ...securityMessages.codes,
  ...operationsMessages.codes,
  ...sheltersMessages.codes,
  ...statisticsMessages.codes,
  ...retentionMessages.codes,
  ...justiceMessages.codes,
  ...intelligenceMessages.codes,
  ...matchingMessages.codes,
  ...hotlineMessages.codes,
  ...breakglassMessages.codes,
] as const;
export type ErrorCode = (typeof errorCodes)[number];

const coreMessages: Record<Language, Record<CoreErrorCode, string>> = {
  en: {
    required: "This field is required.",
    too_long: "This is too long.",
    too_big: "This number is too large.",
    too_small: "This number is too small.",
    too_many: "Too many values.",
    invalid_type: "This value has the wrong type.",
    invalid_choice: "Choose one of the listed values.",
    invalid_date: "Enter a real date as YYYY-MM-DD.",
    date_in_future: "The date cannot be in the future.",
    birth_after_identification: "The birth date cannot be after the identification date.",
    too_old: "The age is not plausible.",
    unknown_field: "This field is not part of the form.",
    invalid_input: "The input is not valid.",
    malformed_json: "The request could not be read.",
    body_too_large: "The request is too large.",
    unsupported_media_type: "The request format is not supported.",
    not_found: "Not found.",
    forbidden: "You are not allowed to do this.",
    unauthorized: "Please sign in.",
    csrf: "The page has expired. Reload it and try again.",
    invalid_credentials: "Wrong user name or password.",
    account_locked: "Too many wrong passwords: the account is locked for 15 minutes.",
    too_many_attempts: "Too many attempts. Wait a minute and try again.",
    totp_invalid: "The code is not valid.",
    totp_enrolment_required: "Your role requires a second factor: set it up first.",
    password_change_required: "Choose a new password before you continue.",
    requirements_missing: "This step needs records that are not there yet.",
    no_pathway: "This case follows no procedure.",
    task_done: "This task is already done.",
    password_too_short: "The password must have at least 10 characters.",
    password_wrong: "The current password is wrong.",
    duplicate_username: "This user name is taken.",
    duplicate_code: "This code is taken.",
    already_on_team: "This agency is already on the case team.",
    cannot_deactivate_self: "You cannot deactivate your own account.",
    consent_required:
      "A referral needs the person's consent to this recipient and purpose, or a recorded legal basis when consent cannot be given.",
    legal_basis_not_applicable:
      "This legal basis does not apply to this case: a guardian's decision replaces consent only for a child.",
    referral_to_own_agency: "A case cannot be referred to your own agency.",
    decline_reason_required: "Give the reason for declining the referral.",
    referral_closed: "This referral has already been answered or revoked.",
    closure_pending: "A closure proposal for this case is already waiting for a supervisor.",
    closure_approved: "The closure of this case is already approved.",
    closure_not_pending: "There is no closure proposal waiting for a decision.",
    case_not_closed: "The case is not closed.",
    reopening_reason_exists: "The reason for reopening has already been recorded.",
    write_conflict:
      "Someone else saved this at the same moment. Reload the page and check before trying again.",
    unavailable: "The service is unavailable. Try again shortly.",
    internal: "Something went wrong. Try again.",
  },
  sq: {
    required: "Kjo fushë është e detyrueshme.",
    too_long: "Kjo është shumë e gjatë.",
    too_big: "Ky numër është shumë i madh.",
    too_small: "Ky numër është shumë i vogël.",
    too_many: "Shumë vlera.",
    invalid_type: "Kjo vlerë është e llojit të gabuar.",
    invalid_choice: "Zgjidhni një nga vlerat e listës.",
    invalid_date: "Shkruani një datë të vërtetë si VVVV-MM-DD.",
    date_in_future: "Data nuk mund të jetë në të ardhmen.",
    birth_after_identification: "Data e lindjes nuk mund të jetë pas datës së identifikimit.",
    too_old: "Mosha nuk është e besueshme.",
    unknown_field: "Kjo fushë nuk është pjesë e formularit.",
    invalid_input: "Të dhënat nuk janë të vlefshme.",
    malformed_json: "Kërkesa nuk mund të lexohej.",
    body_too_large: "Kërkesa është shumë e madhe.",
    unsupported_media_type: "Formati i kërkesës nuk mbështetet.",
    not_found: "Nuk u gjet.",
    forbidden: "Nuk keni leje për këtë veprim.",
    unauthorized: "Ju lutemi hyni në sistem.",
    csrf: "Faqja ka skaduar. Ringarkojeni dhe provoni përsëri.",
    invalid_credentials: "Emri i përdoruesit ose fjalëkalimi është i gabuar.",
    account_locked: "Shumë fjalëkalime të gabuara: llogaria është bllokuar për 15 minuta.",
    too_many_attempts: "Shumë përpjekje. Prisni një minutë dhe provoni përsëri.",
    totp_invalid: "Kodi nuk është i vlefshëm.",
    totp_enrolment_required: "Roli juaj kërkon faktor të dytë: konfigurojeni së pari.",
    password_change_required: "Zgjidhni një fjalëkalim të ri para se të vazhdoni.",
    requirements_missing: "Ky hap kërkon të dhëna që ende nuk janë regjistruar.",
    no_pathway: "Ky rast nuk ndjek asnjë procedurë.",
    task_done: "Kjo detyrë është kryer tashmë.",
    password_too_short: "Fjalëkalimi duhet të ketë të paktën 10 karaktere.",
    password_wrong: "Fjalëkalimi aktual është i gabuar.",
    duplicate_username: "Ky emër përdoruesi është i zënë.",
    duplicate_code: "Ky kod është i zënë.",
    already_on_team: "Ky institucion është tashmë në ekipin e rastit.",
    cannot_deactivate_self: "Nuk mund ta çaktivizoni llogarinë tuaj.",
    consent_required:
      "Referimi kërkon pëlqimin e personit për këtë marrës dhe qëllim, ose një bazë ligjore të regjistruar kur pëlqimi nuk mund të jepet.",
    legal_basis_not_applicable:
      "Kjo bazë ligjore nuk vlen për këtë rast: vendimi i kujdestarit e zëvendëson pëlqimin vetëm për një fëmijë.",
    referral_to_own_agency: "Rasti nuk mund të referohet në institucionin tuaj.",
    decline_reason_required: "Shkruani arsyen e refuzimit të referimit.",
    referral_closed: "Ky referim është përgjigjur ose revokuar tashmë.",
    closure_pending: "Një propozim për mbylljen e këtij rasti është tashmë në pritje të mbikëqyrësit.",
    closure_approved: "Mbyllja e këtij rasti është miratuar tashmë.",
    closure_not_pending: "Nuk ka propozim për mbyllje që pret vendim.",
    case_not_closed: "Rasti nuk është i mbyllur.",
    reopening_reason_exists: "Arsyeja e rihapjes është regjistruar tashmë.",
    write_conflict:
      "Dikush tjetër e ruajti këtë në të njëjtin moment. Ringarkoni faqen dhe kontrolloni para se të provoni përsëri.",
    unavailable: "Shërbimi nuk është i disponueshëm. Provoni përsëri së shpejti.",
    internal: "Diçka shkoi keq. Provoni përsëri.",
  },
  sr: {
    required: "Ovo polje je obavezno.",
    too_long: "Ovo je predugačko.",
    too_big: "Ovaj broj je prevelik.",
    too_small: "Ovaj broj je premali.",
    too_many: "Previše vrednosti.",
    invalid_type: "Ova vrednost je pogrešnog tipa.",
    invalid_choice: "Izaberite jednu od ponuđenih vrednosti.",
    invalid_date: "Unesite stvarni datum kao GGGG-MM-DD.",
    date_in_future: "Datum ne može biti u budućnosti.",
    birth_after_identification: "Datum rođenja ne može biti posle datuma identifikacije.",
    too_old: "Starost nije verodostojna.",
    unknown_field: "Ovo polje nije deo obrasca.",
    invalid_input: "Uneti podaci nisu ispravni.",
    malformed_json: "Zahtev nije moguće pročitati.",
    body_too_large: "Zahtev je prevelik.",
    unsupported_media_type: "Format zahteva nije podržan.",
    not_found: "Nije pronađeno.",
    forbidden: "Nemate dozvolu za ovu radnju.",
    unauthorized: "Molimo prijavite se.",
    csrf: "Stranica je istekla. Ponovo je učitajte i pokušajte opet.",
    invalid_credentials: "Pogrešno korisničko ime ili lozinka.",
    account_locked: "Previše pogrešnih lozinki: nalog je zaključan 15 minuta.",
    too_many_attempts: "Previše pokušaja. Sačekajte minut i pokušajte ponovo.",
    totp_invalid: "Kod nije ispravan.",
    totp_enrolment_required: "Vaša uloga zahteva drugi faktor: prvo ga podesite.",
    password_change_required: "Izaberite novu lozinku pre nego što nastavite.",
    requirements_missing: "Za ovaj korak nedostaju zapisi koji još nisu uneti.",
    no_pathway: "Ovaj slučaj ne prati nijednu proceduru.",
    task_done: "Ovaj zadatak je već obavljen.",
    password_too_short: "Lozinka mora imati najmanje 10 znakova.",
    password_wrong: "Trenutna lozinka je pogrešna.",
    duplicate_username: "Ovo korisničko ime je zauzeto.",
    duplicate_code: "Ova šifra je zauzeta.",
    already_on_team: "Ova institucija je već u timu slučaja.",
    cannot_deactivate_self: "Ne možete deaktivirati sopstveni nalog.",
    consent_required:
      "Za upućivanje je potreban pristanak osobe za ovog primaoca i svrhu, ili zabeleženi pravni osnov kada pristanak ne može biti dat.",
    legal_basis_not_applicable:
      "Ovaj pravni osnov se ne primenjuje na ovaj slučaj: odluka staratelja zamenjuje pristanak samo za dete.",
    referral_to_own_agency: "Slučaj ne može biti upućen vašoj sopstvenoj instituciji.",
    decline_reason_required: "Navedite razlog odbijanja upućivanja.",
    referral_closed: "Na ovo upućivanje je već odgovoreno ili je opozvano.",
    closure_pending: "Predlog za zatvaranje ovog slučaja već čeka supervizora.",
    closure_approved: "Zatvaranje ovog slučaja je već odobreno.",
    closure_not_pending: "Nema predloga za zatvaranje koji čeka odluku.",
    case_not_closed: "Slučaj nije zatvoren.",
    reopening_reason_exists: "Razlog ponovnog otvaranja je već zabeležen.",
    write_conflict:
      "Neko drugi je ovo sačuvao u istom trenutku. Ponovo učitajte stranicu i proverite pre novog pokušaja.",
    unavailable: "Usluga nije dostupna. Pokušajte ponovo uskoro.",
    internal: "Nešto nije u redu. Pokušajte ponovo.",
  },
};

function merged(language: Language): Record<ErrorCode, string> {
  return {
    ...coreMessages[language],
    ...alertsMessages.messages[language],
    ...assistanceMessages.messages[language],
    ...childrenMessages.messages[language],
    ...coordinationMessages.messages[language],
    ...futureMessages.messages[language],
    ...interviewMessages.messages[language],
    ...leafletMessages.messages[language],
    ...securityMessages.messages[language],
    ...justiceMessages.messages[language],
    ...operationsMessages.messages[language],
    ...sheltersMessages.messages[language],
    ...hotlineMessages.messages[language],
    ...breakglassMessages.messages[language],
    ...intelligenceMessages.messages[language],
    ...matchingMessages.messages[language],
    ...statisticsMessages.messages[language],
    ...retentionMessages.messages[language],
  };
}

export const errorMessages: Record<Language, Record<ErrorCode, string>> = {
  en: merged("en"),
  sq: merged("sq"),
  sr: merged("sr"),
};

export function errorMessage(language: Language, code: string): string {
  const table = errorMessages[language];
  return (errorCodes as readonly string[]).includes(code) ? table[code as ErrorCode] : table.invalid_input;
}
