import { desc, eq } from "drizzle-orm";
import type { HandOverSection } from "../../../shared/future";
import type { Language } from "../../../shared/roles";
import type { AppContext } from "../../platform/context";
import { type PdfBlock, renderPdf } from "../../platform/pdf/document";
import { agencies } from "../agencies/schema";
import { assistanceServicesGiven, needsAssessments } from "../assistance/schema";
import type { visibleCase } from "../cases/queries";
import { persons } from "../cases/schema";
import { orErased } from "../retention/erased";
import { currentDecision } from "./facts";
import { caseReturns, riskAssessments } from "./schema";

type VisibleCase = Awaited<ReturnType<typeof visibleCase>>;

/** What a hand-over carries: codes and dates as stored, the person's identity only when chosen. */
export interface HandOverContent {
  format: "opennrm-hand-over-content/1";
  reference: string;
  from: string;
  createdAt: string;
  sections: HandOverSection[];
  identity?: {
    givenName: string;
    familyName: string | null;
    otherNames: string | null;
    birthDate: string | null;
    gender: string;
    citizenship: string[];
    primaryLanguage: string | null;
  };
  case_summary?: {
    identificationDate: string;
    traffickingStatus: string;
    exploitationTypes: string[];
    controlMethods: string[];
  };
  /** What help was given here, so the partner continues it rather than starting over. */
  assistance?: {
    needs: string[];
    services: { service: string; status: string; startDate: string; endDate: string | null }[];
  };
  risk_assessment?: { assessedOn: string; level: string; factors: string[]; recommendation: string } | null;
  decision?: { option: string; decidedOn: string; plannedDepartureOn: string | null } | null;
  return?: {
    destinationCountry: string;
    departureOn: string | null;
    travelDocumentStatus: string | null;
    escorted: boolean;
    escortAgency: string | null;
    partnerName: string | null;
    partnerCountry: string | null;
  } | null;
}

/**
 * Collects the chosen sections. Sealed free text (the risk assessment's reasoning, notes) stays in
 * the country: it names traffickers and family, and the person consented to share their file's
 * facts, not the agencies' notes about them.
 */
export async function handOverContent(
  ctx: AppContext,
  found: VisibleCase,
  sections: readonly HandOverSection[],
  now: Date,
): Promise<HandOverContent> {
  const content: HandOverContent = {
    format: "opennrm-hand-over-content/1",
    reference: found.reference,
    from: ctx.jurisdiction.name,
    createdAt: now.toISOString(),
    sections: [...sections],
  };
  if (sections.includes("identity")) {
    const [person] = await ctx.db.select().from(persons).where(eq(persons.id, found.personId));
    if (!person) throw new Error("person not found");
    const open = async (field: string, sealed: Buffer | null) =>
      sealed
        ? orErased(
            ctx.keyring.openText(
              ctx.db,
              person.dataKeyId,
              { table: "persons", recordId: person.id, field },
              sealed,
            ),
          )
        : null;
    content.identity = {
      givenName: (await open("given_name", person.givenName)) ?? "",
      familyName: await open("family_name", person.familyName),
      otherNames: await open("other_names", person.otherNames),
      birthDate: await open("birth_date", person.birthDate),
      gender: person.gender,
      citizenship: person.citizenship,
      primaryLanguage: person.primaryLanguage,
    };
  }
  if (sections.includes("case_summary")) {
    content.case_summary = {
      identificationDate: found.identificationDate,
      traffickingStatus: found.traffickingStatus,
      exploitationTypes: found.exploitationTypes,
      controlMethods: found.controlMethods,
    };
  }
  if (sections.includes("assistance")) {
    const [needs] = await ctx.db
      .select({ needs: needsAssessments.needs })
      .from(needsAssessments)
      .where(eq(needsAssessments.caseId, found.id))
      .orderBy(desc(needsAssessments.recordedAt))
      .limit(1);
    const services = await ctx.db
      .select({
        service: assistanceServicesGiven.service,
        status: assistanceServicesGiven.status,
        startDate: assistanceServicesGiven.startDate,
        endDate: assistanceServicesGiven.endDate,
      })
      .from(assistanceServicesGiven)
      .where(eq(assistanceServicesGiven.caseId, found.id))
      .orderBy(assistanceServicesGiven.startDate);
    content.assistance = { needs: needs?.needs ?? [], services };
  }
  if (sections.includes("risk_assessment")) {
    const [risk] = await ctx.db
      .select()
      .from(riskAssessments)
      .where(eq(riskAssessments.caseId, found.id))
      .orderBy(desc(riskAssessments.recordedAt))
      .limit(1);
    content.risk_assessment = risk
      ? {
          assessedOn: risk.assessedOn,
          level: risk.level,
          factors: risk.factors,
          recommendation: risk.recommendation,
        }
      : null;
  }
  if (sections.includes("decision")) {
    const decision = await currentDecision(ctx.db, found.id);
    content.decision = decision
      ? {
          option: decision.option,
          decidedOn: decision.decidedOn,
          plannedDepartureOn: decision.plannedDepartureOn,
        }
      : null;
  }
  if (sections.includes("return")) {
    const [row] = await ctx.db
      .select({ ret: caseReturns, escort: agencies.name })
      .from(caseReturns)
      .leftJoin(agencies, eq(agencies.id, caseReturns.escortAgencyId))
      .where(eq(caseReturns.caseId, found.id))
      .orderBy(desc(caseReturns.recordedAt))
      .limit(1);
    content.return = row
      ? {
          destinationCountry: row.ret.destinationCountry,
          departureOn: row.ret.departureOn,
          travelDocumentStatus: row.ret.travelDocumentStatus,
          escorted: row.ret.escorted,
          escortAgency: row.escort,
          partnerName: row.ret.partnerName,
          partnerCountry: row.ret.partnerCountry,
        }
      : null;
  }
  return content;
}

type Labels = Record<
  | "title"
  | "reference"
  | "from"
  | "createdAt"
  | "none"
  | "yes"
  | "no"
  | "footer"
  | HandOverSection
  | "givenName"
  | "familyName"
  | "otherNames"
  | "birthDate"
  | "gender"
  | "citizenship"
  | "primaryLanguage"
  | "identificationDate"
  | "traffickingStatus"
  | "exploitationTypes"
  | "controlMethods"
  | "assessedOn"
  | "level"
  | "factors"
  | "recommendation"
  | "option"
  | "decidedOn"
  | "plannedDepartureOn"
  | "destinationCountry"
  | "departureOn"
  | "travelDocumentStatus"
  | "escorted"
  | "escortAgency"
  | "partner"
  | "needs"
  | "services",
  string
>;

const labels: Record<Language, Labels> = {
  en: {
    title: "Hand-over to the partner organisation",
    reference: "Case reference",
    from: "From",
    createdAt: "Prepared on",
    none: "Not recorded",
    yes: "Yes",
    no: "No",
    footer: "Confidential. Shared with the person's consent; for the receiving organisation only.",
    identity: "Identity",
    case_summary: "Case summary",
    assistance: "Assistance given",
    needs: "Needs assessed",
    services: "Services",
    risk_assessment: "Risk assessment",
    decision: "Decision on the future",
    return: "Return",
    givenName: "Given name",
    familyName: "Family name",
    otherNames: "Other names",
    birthDate: "Date of birth",
    gender: "Gender",
    citizenship: "Citizenship",
    primaryLanguage: "Language",
    identificationDate: "Identified on",
    traffickingStatus: "Status",
    exploitationTypes: "Forms of exploitation",
    controlMethods: "Means of control",
    assessedOn: "Assessed on",
    level: "Risk level",
    factors: "Risk factors",
    recommendation: "Recommendation",
    option: "Decision",
    decidedOn: "Decided on",
    plannedDepartureOn: "Planned departure",
    destinationCountry: "Destination country",
    departureOn: "Departure",
    travelDocumentStatus: "Travel documents",
    escorted: "Escorted",
    escortAgency: "Escort",
    partner: "Partner organisation",
  },
  sq: {
    title: "Dorëzimi te organizata partnere",
    reference: "Numri i rastit",
    from: "Nga",
    createdAt: "Përgatitur më",
    none: "Nuk është regjistruar",
    yes: "Po",
    no: "Jo",
    footer: "Konfidenciale. Ndarë me pëlqimin e personit; vetëm për organizatën pranuese.",
    identity: "Identiteti",
    case_summary: "Përmbledhja e rastit",
    assistance: "Asistenca e dhënë",
    needs: "Nevojat e vlerësuara",
    services: "Shërbimet",
    risk_assessment: "Vlerësimi i rrezikut",
    decision: "Vendimi për të ardhmen",
    return: "Kthimi",
    givenName: "Emri",
    familyName: "Mbiemri",
    otherNames: "Emra të tjerë",
    birthDate: "Data e lindjes",
    gender: "Gjinia",
    citizenship: "Shtetësia",
    primaryLanguage: "Gjuha",
    identificationDate: "Identifikuar më",
    traffickingStatus: "Statusi",
    exploitationTypes: "Format e shfrytëzimit",
    controlMethods: "Mjetet e kontrollit",
    assessedOn: "Vlerësuar më",
    level: "Niveli i rrezikut",
    factors: "Faktorët e rrezikut",
    recommendation: "Rekomandimi",
    option: "Vendimi",
    decidedOn: "Vendosur më",
    plannedDepartureOn: "Nisja e planifikuar",
    destinationCountry: "Vendi i destinacionit",
    departureOn: "Nisja",
    travelDocumentStatus: "Dokumentet e udhëtimit",
    escorted: "Me shoqërim",
    escortAgency: "Shoqëruesi",
    partner: "Organizata partnere",
  },
  sr: {
    title: "Predaja partnerskoj organizaciji",
    reference: "Broj predmeta",
    from: "Od",
    createdAt: "Pripremljeno",
    none: "Nije zabeleženo",
    yes: "Da",
    no: "Ne",
    footer: "Poverljivo. Podeljeno uz pristanak osobe; samo za organizaciju koja prima.",
    identity: "Identitet",
    case_summary: "Sažetak predmeta",
    assistance: "Pružena pomoć",
    needs: "Procenjene potrebe",
    services: "Usluge",
    risk_assessment: "Procena rizika",
    decision: "Odluka o budućnosti",
    return: "Povratak",
    givenName: "Ime",
    familyName: "Prezime",
    otherNames: "Druga imena",
    birthDate: "Datum rođenja",
    gender: "Pol",
    citizenship: "Državljanstvo",
    primaryLanguage: "Jezik",
    identificationDate: "Identifikovana",
    traffickingStatus: "Status",
    exploitationTypes: "Oblici eksploatacije",
    controlMethods: "Sredstva kontrole",
    assessedOn: "Procenjeno",
    level: "Nivo rizika",
    factors: "Faktori rizika",
    recommendation: "Preporuka",
    option: "Odluka",
    decidedOn: "Odlučeno",
    plannedDepartureOn: "Planirani polazak",
    destinationCountry: "Zemlja odredišta",
    departureOn: "Polazak",
    travelDocumentStatus: "Putne isprave",
    escorted: "Uz pratnju",
    escortAgency: "Pratnja",
    partner: "Partnerska organizacija",
  },
};

/**
 * The readable copy of the same sections; codes are shown as recorded (the standard's own names).
 * It is locked with the package's passphrase: it carries the person's data out of the system, and
 * the passphrase travels separately.
 */
export async function handOverPdf(
  content: HandOverContent,
  language: Language,
  passphrase: string,
): Promise<Buffer> {
  const l = labels[language];
  const value = (v: string | null | undefined) => (v && v !== "" ? v : l.none);
  const list = (v: readonly string[]) => (v.length > 0 ? v.join(", ") : l.none);
  const blocks: PdfBlock[] = [
    {
      kind: "fields",
      rows: [
        [l.reference, content.reference],
        [l.from, content.from],
        [l.createdAt, content.createdAt.slice(0, 10)],
      ],
    },
  ];
  const section = (name: HandOverSection, rows: Array<[string, string]> | null) => {
    blocks.push({ kind: "heading", text: l[name] });
    blocks.push(rows ? { kind: "fields", rows } : { kind: "paragraph", text: l.none });
  };
  for (const name of content.sections) {
    switch (name) {
      case "identity": {
        const p = content.identity;
        section(
          name,
          p
            ? [
                [l.givenName, value(p.givenName)],
                [l.familyName, value(p.familyName)],
                [l.otherNames, value(p.otherNames)],
                [l.birthDate, value(p.birthDate)],
                [l.gender, p.gender],
                [l.citizenship, list(p.citizenship)],
                [l.primaryLanguage, value(p.primaryLanguage)],
              ]
            : null,
        );
        break;
      }
      case "case_summary": {
        const c = content.case_summary;
        section(
          name,
          c
            ? [
                [l.identificationDate, c.identificationDate],
                [l.traffickingStatus, c.traffickingStatus],
                [l.exploitationTypes, list(c.exploitationTypes)],
                [l.controlMethods, list(c.controlMethods)],
              ]
            : null,
        );
        break;
      }
      case "assistance": {
        const a = content.assistance;
        section(
          name,
          a
            ? [
                [l.needs, list(a.needs)],
                ...a.services.map((s): [string, string] => [
                  `${l.services}: ${s.service}`,
                  `${s.status}, ${s.startDate}${s.endDate ? ` – ${s.endDate}` : ""}`,
                ]),
              ]
            : null,
        );
        break;
      }
      case "risk_assessment": {
        const r = content.risk_assessment;
        section(
          name,
          r
            ? [
                [l.assessedOn, r.assessedOn],
                [l.level, r.level],
                [l.factors, list(r.factors)],
                [l.recommendation, r.recommendation],
              ]
            : null,
        );
        break;
      }
      case "decision": {
        const d = content.decision;
        section(
          name,
          d
            ? [
                [l.option, d.option],
                [l.decidedOn, d.decidedOn],
                [l.plannedDepartureOn, value(d.plannedDepartureOn)],
              ]
            : null,
        );
        break;
      }
      case "return": {
        const r = content.return;
        section(
          name,
          r
            ? [
                [l.destinationCountry, r.destinationCountry],
                [l.departureOn, value(r.departureOn)],
                [l.travelDocumentStatus, value(r.travelDocumentStatus)],
                [l.escorted, r.escorted ? l.yes : l.no],
                [l.escortAgency, value(r.escortAgency)],
                [l.partner, r.partnerName ? `${r.partnerName} (${value(r.partnerCountry)})` : l.none],
              ]
            : null,
        );
        break;
      }
    }
  }
  return renderPdf({ title: l.title, language, blocks, footer: l.footer, password: passphrase });
}
