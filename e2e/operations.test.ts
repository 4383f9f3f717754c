import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, birthDateOfAge, inEnglish, PASSWORD, todayInKosovo } from "./support/story";

const TARGET = "Hotel Aurora, rooms 10-14, Rruga B";

function daysFromToday(days: number): string {
  const date = new Date(`${todayInKosovo()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function signIn(page: Page, username: string): Promise<void> {
  await login(page, username, PASSWORD);
  await inEnglish(page);
}

async function openOperations(page: Page): Promise<void> {
  await page.getByTestId("nav-operations").first().click();
  await page.getByTestId("notice-list").waitFor();
}

describe("advance notice of an operation: places short, the target kept secret, batch registration and placement", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let coordinator: Page;
  let shelter: Page;
  let childrenShelter: Page;
  let references: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    coordinator = await newUserPage(browser, server.url);
    shelter = await newUserPage(browser, server.url);
    childrenShelter = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  /** Registers a person as the police, puts the shelter operator on the team, and admits them there. */
  async function occupyBed(
    agencyId: string,
    admitter: Page,
    shelterId: string,
    age: number,
    index: number,
  ): Promise<void> {
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: `Resident${index}`,
        gender: "Feminine",
        birthDate: birthDateOfAge(age),
        citizenship: ["MD"],
      },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(registered.status()).toBe(201);
    const { reference } = (await registered.json()) as { reference: string };
    const team = await apiPost(police, server.url, `/api/cases/${reference}/team`, {
      agencyId,
      scopes: ["identity"],
    });
    expect(team.status()).toBeLessThan(300);
    const admitted = await apiPost(admitter, server.url, `/api/shelters/${shelterId}/admissions`, {
      reference,
      type: "emergency",
      admittedOn: todayInKosovo(),
    });
    expect(admitted.status()).toBe(201);
  }

  it("the demo shelters are filled until 5 adult places and 1 child place are free", async () => {
    await signIn(police, "police.chief");
    await signIn(shelter, "shelter");
    await signIn(childrenShelter, "shelter.children");
    const agencies = (await (await police.request.get(`${server.url}/api/agencies`)).json()) as {
      id: string;
      name: string;
    }[];
    const agencyId = (name: string) => agencies.find((a) => a.name === name)?.id ?? "";
    const board = async () =>
      (await (await police.request.get(`${server.url}/api/shelters`)).json()) as {
        id: string;
        codeName: string;
        free: number;
      }[];
    const before = await board();
    const linden = before.find((s) => s.codeName === "Linden");
    const maple = before.find((s) => s.codeName === "Maple");
    if (!linden || !maple) throw new Error("demo shelters missing");
    for (let i = 0; i < linden.free - 5; i++)
      await occupyBed(agencyId("Interim secure facility"), shelter, linden.id, 30, i);
    for (let i = 0; i < maple.free - 1; i++)
      await occupyBed(agencyId("Children's protection shelter"), childrenShelter, maple.id, 12, 100 + i);
    const after = await board();
    expect(after.find((s) => s.codeName === "Linden")?.free).toBe(5);
    expect(after.find((s) => s.codeName === "Maple")?.free).toBe(1);
  });

  it("police file a notice expecting 8 people, 2 of them minors, and see the shortage", async () => {
    await openOperations(police);
    const form = police.getByTestId("notice-form");
    await form.getByTestId("notice-date").fill(daysFromToday(2));
    await form.getByTestId("notice-region").selectOption("prishtine");
    await form.getByTestId("notice-people").fill("8");
    await form.getByTestId("notice-minors").fill("2");
    const languages = form.getByTestId("notice-languages");
    await languages.click();
    await languages.pressSequentially("Romanian");
    await police.getByRole("option", { name: "Romanian" }).click();
    await police.keyboard.press("Escape");
    await form.getByTestId("notice-target-input").fill(TARGET);
    await form.getByTestId("notice-time").fill("05:30");
    await police.getByTestId("notice-submit").click();
    const row = police.locator('[data-testid="notice-row"][data-status="planned"]');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByTestId("notice-target").textContent()).toContain(TARGET);
    await expect
      .poll(() => row.getByTestId("notice-shortage").textContent())
      .toContain("1 adults, 1 children");
  });

  it("the coordinator sees the shortage of places but never the target", async () => {
    await signIn(coordinator, "coordinator");
    await openOperations(coordinator);
    const row = coordinator.getByTestId("notice-row").first();
    await expect
      .poll(() => row.getByTestId("notice-shortage").textContent())
      .toContain("1 adults, 1 children");
    expect(await row.textContent()).toContain("8 people, of whom 2 minors");
    expect(await coordinator.getByTestId("notice-target").count()).toBe(0);
    expect(await coordinator.content()).not.toContain("Hotel Aurora");
    expect(await coordinator.content()).not.toContain("05:30");
    const answer = await coordinator.request.get(`${server.url}/api/operations`);
    expect(await answer.text()).not.toContain("Hotel Aurora");
  });

  it("the coordinator is alerted to the shortage on My work, without the target", async () => {
    await coordinator.getByTestId("nav-work").first().click();
    const alert = coordinator.locator('[data-testid="alert-row"][data-kind="places_short"]').first();
    await expect.poll(() => alert.getByTestId("alert-places-short").textContent()).toContain("1 adult");
    expect(await coordinator.content()).not.toContain("Hotel Aurora");
  });

  it("after the raid the police register the 6 people found in one batch", async () => {
    const row = police.getByTestId("notice-row").first();
    await row.getByTestId("notice-start").click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("started");
    const form = row.getByTestId("batch-form");
    await form.getByTestId("batch-region").selectOption("prishtine");
    for (let i = 1; i < 6; i++) await form.getByTestId("batch-add").click();
    const rows = form.getByTestId("batch-row");
    expect(await rows.count()).toBe(6);
    const people = [
      { name: "Ana", age: 24 },
      { name: "Elena", age: 31 },
      { name: "Irina", age: 22 },
      { name: "Oksana", age: 27 },
      { name: "Mira", estimated: 15 },
      { name: "Lina", estimated: 16 },
    ];
    for (const [index, person] of people.entries()) {
      const one = rows.nth(index);
      await one.getByTestId("batch-given-name").fill(person.name);
      await one.getByTestId("batch-gender").selectOption("Feminine");
      if (person.age) await one.getByTestId("batch-birth-date").fill(birthDateOfAge(person.age));
      if (person.estimated) await one.getByTestId("batch-age").fill(String(person.estimated));
      await one.getByTestId("batch-citizenship").selectOption("MD");
      await one.getByTestId("batch-language").selectOption("ro");
    }
    await form.getByTestId("batch-submit").click();
    const result = police.getByTestId("batch-result");
    await result.waitFor();
    references = ((await result.textContent()) ?? "").match(/NRM-\d{4}-\d{5}/g) ?? [];
    expect(references).toHaveLength(6);
    await expect.poll(async () => (await row.textContent()) ?? "").toContain("People registered: 6");
    await row.getByTestId("notice-finish").click();
    await expect.poll(() => row.getAttribute("data-status")).toBe("finished");
  });

  it("the people found are placed: an adult in Linden and a child in Maple", async () => {
    const agencies = (await (await police.request.get(`${server.url}/api/agencies`)).json()) as {
      id: string;
      name: string;
    }[];
    const agencyId = (name: string) => agencies.find((a) => a.name === name)?.id ?? "";
    const [adult, , , , child] = references;
    if (!adult || !child) throw new Error("references missing");
    for (const [reference, agency] of [
      [adult, "Interim secure facility"],
      [child, "Children's protection shelter"],
    ] as const) {
      const team = await apiPost(police, server.url, `/api/cases/${reference}/team`, {
        agencyId: agencyId(agency),
        scopes: ["identity"],
      });
      expect(team.status()).toBeLessThan(300);
    }
    for (const [page, code, reference] of [
      [shelter, "Linden", adult],
      [childrenShelter, "Maple", child],
    ] as const) {
      await page.getByTestId("nav-shelters").first().click();
      const row = page.locator(`[data-testid="shelter-row"][data-code="${code}"]`);
      await row.getByTestId("admit-reference").fill(reference);
      await row.getByTestId("admit-submit").click();
      await expect
        .poll(async () => (await row.getByTestId("shelter-resident").allTextContents()).join(" "))
        .toContain(reference);
    }
  });
});
