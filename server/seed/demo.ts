import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { RegistrationInput } from "../../shared/registration";
import type { ExploitationType, IdentificationSource } from "../../shared/vocabulary";
import { agencies, users } from "../modules/agencies/schema";
import { registerCase } from "../modules/cases/commands";
import { shelterAddressAt, shelterContactsAt, shelters } from "../modules/shelters/schema";
import type { Actor } from "../platform/auth/actor";
import { hashPassword } from "../platform/auth/passwords";
import { recordAudit } from "../platform/audit/audit";
import type { AppContext } from "../platform/context";
import type { DemoData } from "../platform/jurisdiction";
import { localDate } from "../platform/jurisdiction";
import { countryLanguage, syntheticNames } from "./names";

/** A small deterministic generator, so every fresh demo database looks the same. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

/**
 * On first start only: the jurisdiction's demo agencies, one user per role, and synthetic cases
 * over several years. A database that already has agencies is never seeded.
 */
export async function seedDemoData(ctx: AppContext, demo: DemoData): Promise<boolean> {
  const [existing] = await ctx.db.select({ n: count() }).from(agencies);
  if ((existing?.n ?? 0) > 0) return false;

  const passwordHash = await hashPassword(demo.password);
  const agencyIds = new Map<string, { id: string; type: (typeof demo.agencies)[number]["type"] }>();
  const userIds = new Map<string, string>();
  // A demo shelter is set up by its operator's administrator, else by the system administrator.
  const shelterCreator = (agencyCode: string) => {
    const creator =
      demo.users.find((u) => u.agency === agencyCode && u.roles.includes("agency_admin")) ??
      demo.users.find((u) => u.roles.includes("system_admin"));
    const id = creator ? userIds.get(creator.username) : undefined;
    if (!id) throw new Error("demo shelter without an administrator");
    return id;
  };
  await ctx.db.transaction(async (tx) => {
    for (const agency of demo.agencies) {
      const [row] = await tx.insert(agencies).values(agency).returning();
      if (!row) throw new Error("demo agency not stored");
      agencyIds.set(agency.code, { id: row.id, type: row.type });
    }
    for (const user of demo.users) {
      const agency = agencyIds.get(user.agency);
      if (!agency) throw new Error("demo user without agency");
      const [row] = await tx
        .insert(users)
        .values({
          username: user.username,
          displayName: user.displayName,
          agencyId: agency.id,
          roles: user.roles,
          language: user.language,
          passwordHash,
        })
        .returning({ id: users.id });
      if (!row) throw new Error("demo user not stored");
      userIds.set(user.username, row.id);
    }
    for (const shelter of demo.shelters) {
      const agency = agencyIds.get(shelter.agency);
      if (agency?.type !== "shelter_operator") throw new Error("demo shelter without a shelter operator");
      const id = randomUUID();
      await tx.insert(shelters).values({
        id,
        agencyId: agency.id,
        codeName: shelter.codeName,
        kind: shelter.kind,
        secure: shelter.secure,
        riskLevels: shelter.riskLevels,
        capacity: shelter.capacity,
        address: await ctx.keyring.sealSystem(tx, shelterAddressAt(id), shelter.address),
        contacts: shelter.contacts
          ? await ctx.keyring.sealSystem(tx, shelterContactsAt(id), shelter.contacts)
          : null,
        createdBy: shelterCreator(shelter.agency),
      });
    }
    await recordAudit(
      tx,
      { userId: null, agencyId: null, ip: null },
      { action: "system.demo_data", detail: { agencies: demo.agencies.length, users: demo.users.length } },
    );
  });

  const registrars = await Promise.all(
    demo.users
      .filter((u) => u.roles.some((r) => r === "police_investigator" || r === "case_worker"))
      .map(async (u): Promise<Actor> => {
        const [row] = await ctx.db.select().from(users).where(eq(users.username, u.username));
        const agency = agencyIds.get(u.agency);
        if (!row || !agency) throw new Error("demo registrar missing");
        return {
          userId: row.id,
          username: row.username,
          displayName: row.displayName,
          agencyId: agency.id,
          agencyType: agency.type,
          roles: row.roles,
          language: row.language,
          ip: null,
          sessionId: "",
        };
      }),
  );
  const rng = random(2001);
  const today = localDate(ctx.now(), ctx.jurisdiction.timeZone);
  const thisYear = Number(today.slice(0, 4));
  const origins = ctx.jurisdiction.countriesOfOrigin.filter((c) => syntheticNames[c]);
  for (let i = 0; i < demo.caseCount; i++) {
    await registerCase(
      ctx,
      rng.pick(registrars),
      syntheticCase(
        rng,
        origins,
        ctx.jurisdiction.regions.map((r) => r.code),
        thisYear,
        today,
      ),
    );
  }
  return true;
}

function syntheticCase(
  rng: ReturnType<typeof random>,
  origins: string[],
  regions: string[],
  thisYear: number,
  today: string,
): RegistrationInput {
  const country = rng.pick(origins);
  const names = syntheticNames[country] ?? { given: ["Ana"], family: ["Demo"] };
  const year = thisYear - rng.int(0, 5);
  let identificationDate = `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  if (identificationDate > today) identificationDate = today;
  const age = rng.next() < 0.3 ? rng.int(13, 17) : rng.int(18, 35);
  const knowsBirthDate = rng.next() < 0.7;
  const birthYear = Number(identificationDate.slice(0, 4)) - age - 1;
  const source: IdentificationSource = rng.pick([
    "police_raid",
    "police_raid",
    "police_raid",
    "border_police",
    "inspection",
    "ngo",
    "social_services",
    "hotline",
    "self_referral",
  ]);
  const exploitation: ExploitationType[] =
    rng.next() < 0.8
      ? ["SexualExploitation"]
      : [rng.pick(["ForcedLabour", "ForcedBegging", "Servitude"] as const)];
  return {
    person: {
      givenName: rng.pick(names.given),
      familyName: rng.pick(names.family),
      birthDate: knowsBirthDate
        ? `${birthYear}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`
        : null,
      estimatedAge: knowsBirthDate ? null : rng.next() < 0.9 ? age : null,
      gender: rng.next() < 0.92 ? "Feminine" : "Masculine",
      citizenship: [country],
      primaryLanguage: (countryLanguage[country] ?? "en") as RegistrationInput["person"]["primaryLanguage"],
      otherLanguages: [],
      identityNumber: rng.next() < 0.5 ? `${country}${rng.int(1_000_000, 9_999_999)}` : null,
    },
    identificationDate,
    identificationRegion: rng.pick(regions),
    source,
    traffickingStatus: rng.pick(["PossibleVictimOfTrafficking", "ActualVictimOfTrafficking"] as const),
    exploitationTypes: exploitation,
    controlMethods: [
      rng.pick(["WithholdsDocuments", "DebtBondage", "PhysicalThreats", "FalsePromises"] as const),
    ],
  };
}

export function demoCredentials(demo: DemoData): string {
  const lines = demo.users.map((u) => `  ${u.username.padEnd(18)} ${u.roles.join(", ")}`);
  return `\nDemo users, for trying OpenNRM only (password for all: ${demo.password}):\n${lines.join("\n")}\n\n`;
}
