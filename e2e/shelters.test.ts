import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, birthDateOfAge, inEnglish, openCase, PASSWORD, todayInKosovo } from "./support/story";

// The demo's secret address of the "Linden" shelter (config/jurisdictions/kosovo/demo.json).
const LINDEN_ADDRESS = "Demo street 1 (fictitious)";

describe("a shelter's address: its own staff read it, a prosecutor, a coordinator and another shelter never do", () => {
  let server: RunningServer;
  let browser: Browser;
  let pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  const board = async (username: string): Promise<Page> => {
    const page = await newUserPage(browser, server.url);
    pages = [...pages, page];
    await login(page, username, PASSWORD);
    await inEnglish(page);
    await page.goto("/shelters");
    await page.getByTestId("shelter-board").waitFor();
    await expect.poll(() => page.getByTestId("shelter-row").count()).toBeGreaterThan(1);
    return page;
  };

  it("the shelter's own manager opens the address on request", async () => {
    const page = await board("shelter");
    const linden = page.locator('[data-testid="shelter-row"][data-code="Linden"]');
    expect(await linden.textContent()).not.toContain(LINDEN_ADDRESS);
    await linden.getByTestId("shelter-show-address").click();
    await expect.poll(() => linden.getByTestId("shelter-address").textContent()).toContain(LINDEN_ADDRESS);
  });

  it.each(["prosecutor", "coordinator", "shelter.children"])(
    "%s sees the code name and the free places, never the address",
    async (username) => {
      const page = await board(username);
      const linden = page.locator('[data-testid="shelter-row"][data-code="Linden"]');
      await expect.poll(() => linden.getByTestId("shelter-free").count()).toBe(1);
      expect(await linden.getByTestId("shelter-show-address").count()).toBe(0);
      expect(await page.locator("body").textContent()).not.toContain(LINDEN_ADDRESS);
      const shelters = (await (await page.request.get(`${server.url}/api/shelters`)).json()) as {
        id: string;
        codeName: string;
      }[];
      const lindenId = shelters.find((s) => s.codeName === "Linden")?.id;
      expect(lindenId).toBeDefined();
      const answer = await page.request.get(`${server.url}/api/shelters/${lindenId}/address`);
      expect(answer.status()).toBe(404);
    },
  );
});

describe("a transfer to a shelter: rooms, escort duty and admission from the case page", () => {
  let server: RunningServer;
  let browser: Browser;
  let shelter: Page;
  let police: Page;
  let prosecutor: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    shelter = await newUserPage(browser, server.url);
    police = await newUserPage(browser, server.url);
    prosecutor = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  const linden = (page: Page) => page.locator('[data-testid="shelter-row"][data-code="Linden"]');

  it("the shelter's manager sets Linden up in two rooms", async () => {
    for (const [page, username] of [
      [shelter, "shelter"],
      [police, "police.chief"],
      [prosecutor, "prosecutor"],
    ] as const) {
      await login(page, username, PASSWORD);
      await inEnglish(page);
    }
    await shelter.goto("/shelters");
    await linden(shelter).getByTestId("shelter-edit").click();
    const form = linden(shelter).getByTestId("shelter-edit-form");
    await form.getByTestId("room-add").click();
    await form.getByTestId("room-name-0").fill("Room 1");
    await form.getByTestId("room-beds-0").fill("8");
    await form.getByTestId("room-add").click();
    await form.getByTestId("room-name-1").fill("Mother and child");
    await form.getByTestId("room-beds-1").fill("2");
    await form.getByTestId("shelter-edit-submit").click();
    await expect.poll(() => linden(shelter).getByTestId("shelter-room").count()).toBe(2);
    expect(await linden(shelter).getByTestId("shelter-free").textContent()).toBe("10");
  });

  it("the police register a woman and put the shelter on her case team", async () => {
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: "Transferred",
        gender: "Feminine",
        birthDate: birthDateOfAge(24),
        citizenship: ["UA"],
      },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(registered.status()).toBe(201);
    reference = ((await registered.json()) as { reference: string }).reference;
    const agencies = (await (await police.request.get(`${server.url}/api/agencies`)).json()) as {
      id: string;
      code?: string;
      type: string;
    }[];
    const operator =
      agencies.find((agency) => agency.code === "shelter-a") ??
      agencies.find((a) => a.type === "shelter_operator");
    const team = await apiPost(police, server.url, `/api/cases/${reference}/team`, {
      agencyId: operator?.id,
      scopes: ["identity"],
    });
    expect(team.status()).toBeLessThan(300);
  });

  it("the shelter gives the police officer escort duty for today; he alone reads the address", async () => {
    await shelter.goto("/shelters");
    const form = linden(shelter).getByTestId("escort-form");
    await form.getByTestId("escort-reference").fill(reference);
    await form.getByTestId("escort-username").fill("police.chief");
    await form.getByTestId("escort-submit").click();
    await expect.poll(() => linden(shelter).getByTestId("escort-row").count()).toBe(1);

    await police.goto("/shelters");
    const duty = police.getByTestId("my-escort");
    await expect.poll(() => duty.textContent()).toContain(reference);
    expect(await police.locator("body").textContent()).not.toContain(LINDEN_ADDRESS);
    await duty.getByTestId("escort-show-address").click();
    await expect.poll(() => duty.getByTestId("escort-address").textContent()).toContain(LINDEN_ADDRESS);

    // The prosecutor has no such duty: still nothing.
    await prosecutor.goto("/shelters");
    await linden(prosecutor).waitFor();
    expect(await prosecutor.getByTestId("my-escorts").count()).toBe(0);
    expect(await prosecutor.locator("body").textContent()).not.toContain(LINDEN_ADDRESS);
  });

  it("she arrives: the shelter admits her from the case page, to a room, and the escort's access ends", async () => {
    await openCase(shelter, reference);
    const section = shelter.getByTestId("case-shelter");
    await section.getByTestId("admit-room").selectOption({ label: "Room 1 (8 free)" });
    await section.getByTestId("admit-type").selectOption("planned");
    await section.getByTestId("admit-submit").click();
    // A planned admission needs every criterion: refused, naming the criteria.
    await expect.poll(() => section.getByTestId("admit-error").count()).toBe(1);
    await section.getByTestId("admit-type").selectOption("emergency");
    await section.getByTestId("admit-criteria").getByRole("checkbox").first().check();
    await section.getByTestId("admit-submit").click();
    await expect.poll(() => section.getByTestId("case-shelter-stay").textContent()).toContain("Linden");
    expect(await section.getByTestId("case-shelter-stay").textContent()).toContain("Room 1");

    // The police see where she is by code name only, and the duty is over.
    await openCase(police, reference);
    const seen = police.getByTestId("case-shelter");
    await expect.poll(() => seen.getByTestId("case-shelter-stay").textContent()).toContain("Linden");
    expect(await seen.textContent()).not.toContain("Room 1");
    await police.goto("/shelters");
    await linden(police).waitFor();
    expect(await police.getByTestId("my-escorts").count()).toBe(0);

    // On the board, the rest of the admission criteria wait to be confirmed.
    await shelter.goto("/shelters");
    const open = linden(shelter).getByTestId("resident-criteria-open");
    await expect.poll(() => open.count()).toBe(1);
    for (const box of await open.getByRole("checkbox").all()) await box.check();
    await open.getByTestId("resident-criteria-confirm").click();
    await expect.poll(() => linden(shelter).getByTestId("resident-criteria-open").count()).toBe(0);
  });
});
