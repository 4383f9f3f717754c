import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, inEnglish, PASSWORD, todayInKosovo } from "./support/story";

/** Fills the registration form for a Ukrainian woman and presses Register. */
async function fillAndSubmit(
  page: Page,
  person: { givenName: string; familyName: string; birthDate: string },
) {
  await page.getByTestId("nav-register").first().click();
  await page.getByLabel("Given name").fill(person.givenName);
  await page.getByLabel("Family name").fill(person.familyName);
  await page.getByLabel("Gender").selectOption("Feminine");
  await page.getByLabel("Date of birth").fill(person.birthDate);
  const citizenship = page.getByTestId("citizenship");
  await citizenship.click();
  await citizenship.pressSequentially("Ukraine");
  await page.getByRole("option", { name: "Ukraine" }).click();
  await page.keyboard.press("Escape");
  await page.getByLabel("Region").selectOption("prishtine");
  await page.getByLabel("Source of identification").selectOption("police_raid");
  await page.getByTestId("register-submit").click();
}

describe("registration: a possible earlier record of the same person is shown before saving", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let iom: Page;
  let chief: Page;
  let earlier = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    iom = await newUserPage(browser, server.url);
    chief = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("the police unit registers a Ukrainian woman in Cyrillic", async () => {
    await login(police, "police", PASSWORD);
    await inEnglish(police);
    const created = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: "Юлія",
        familyName: "Коваленко",
        gender: "Feminine",
        citizenship: ["UA"],
        birthDate: "1995-03-12",
      },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(created.status()).toBe(201);
    earlier = ((await created.json()) as { reference: string }).reference;
  });

  it("the same agency sees its earlier case across scripts, with the reasons, and may continue", async () => {
    await fillAndSubmit(police, { givenName: "Yulia", familyName: "Kovalenko", birthDate: "1995-12-03" });
    const prompt = police.getByTestId("possible-earlier-record");
    await prompt.waitFor();
    const candidate = prompt.getByTestId("earlier-record-candidate");
    await expect.poll(() => candidate.textContent()).toContain(earlier);
    expect(await candidate.textContent()).toContain("day and month swapped");
    // Nothing was saved yet: the registrar decides.
    expect(police.url()).toContain("/cases/new");
    await prompt.getByTestId("earlier-record-continue").click();
    const heading = police.getByTestId("case-reference");
    await heading.waitFor();
    expect(await heading.textContent()).not.toContain(earlier);
  });

  it("another agency learns only that an earlier record exists at the police unit", async () => {
    await login(iom, "iom", PASSWORD);
    await inEnglish(iom);
    await fillAndSubmit(iom, { givenName: "Iuliia", familyName: "Kovalenko", birthDate: "1995-03-12" });
    const prompt = iom.getByTestId("possible-earlier-record");
    await prompt.waitFor();
    await expect
      .poll(() => prompt.getByTestId("earlier-record-elsewhere").first().textContent())
      .toContain("Police anti-trafficking unit (THBS)");
    expect(await prompt.getByTestId("earlier-record-candidate").count()).toBe(0);
    expect(await prompt.textContent()).not.toContain(earlier);
    await prompt.getByTestId("earlier-record-continue").click();
    await iom.getByTestId("case-reference").waitFor();
  });

  it("the police unit's supervisor sees the request on the duplicates page and shares the case", async () => {
    await login(chief, "police.chief", PASSWORD);
    await inEnglish(chief);
    await chief.goto("/duplicates");
    // Both of the unit's records of her (the Cyrillic one and the one registered after the prompt).
    const requests = chief.getByTestId("matching-request");
    await expect.poll(() => requests.count()).toBe(2);
    const first = chief.locator(`[data-testid="matching-request"][data-reference="${earlier}"]`);
    expect(await first.textContent()).toContain("IOM counter-trafficking unit");
    await first.getByTestId("matching-request-share").click();
    await expect.poll(() => requests.count()).toBe(1);
    await requests.first().getByTestId("matching-request-decline").click();
    await chief.getByTestId("matching-requests-none").waitFor();
  });
});
