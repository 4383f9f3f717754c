import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sq from "../web/src/locales/sq.json";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

const PASSWORD = "demo-only-2026";
// A person no demo record has, so that every search for these values is exact.
const person = {
  givenName: "Valentina",
  familyName: "Ciorbăescu",
  birthDate: "1998-05-17",
  identityNumber: "MD7731904",
};

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("the foundation story: register a person, find the case, and nobody else sees it", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("a police officer signs in (in her own language, Albanian) and switches to English", async () => {
    await login(police, "police", PASSWORD);
    await expect.poll(() => police.getByTestId("nav-cases").first().textContent()).toContain(sq.nav.cases);
    await police.getByTestId("language-switch").first().selectOption("en");
    await expect.poll(() => police.getByTestId("nav-cases").first().textContent()).toContain("Cases");
  });

  it("registers an identified person and lands on the new case", async () => {
    await police.getByTestId("nav-register").first().click();
    await police.getByLabel("Given name").fill(person.givenName);
    await police.getByLabel("Family name").fill(person.familyName);
    await police.getByLabel("Gender").selectOption("Feminine");
    await police.getByLabel("Date of birth").fill(person.birthDate);
    await police.getByLabel("Identity document number").fill(person.identityNumber);
    const citizenship = police.getByTestId("citizenship");
    await citizenship.click();
    await citizenship.pressSequentially("Moldova");
    await police.getByRole("option", { name: "Moldova" }).click();
    await police.keyboard.press("Escape");
    await police.getByLabel("Region").selectOption({ index: 1 });
    await police.getByLabel("Source of identification").selectOption("police_raid");
    await expect.poll(() => police.getByTestId("pathway-preview").textContent()).toMatch(/not a citizen/);
    await police.getByTestId("register-submit").click();

    const heading = police.getByTestId("case-reference");
    await heading.waitFor();
    reference = ((await heading.textContent()) ?? "").match(/[A-Z]+-\d{4}-\d{5}/)?.[0] ?? "";
    expect(reference).toMatch(/^NRM-\d{4}-\d{5}$/);
    expect(police.url()).toContain(`/cases/${reference}`);
    expect(police.url()).not.toContain("Valentina");
    await expect.poll(() => police.locator("body").textContent()).toContain(person.familyName);
  });

  it("shows where the case stands in its procedure, and takes the next step the SOP allows", async () => {
    const stage = police.getByTestId("procedure-stage");
    await expect.poll(() => stage.getAttribute("data-stage")).toBe("identification");
    const next = police.locator('[data-testid="procedure-step"][data-to="rights_information"]');
    expect(await next.getAttribute("data-allowed")).toBe("true");
    await next.getByRole("button").click();
    await expect.poll(() => stage.getAttribute("data-stage")).toBe("rights_information");
    const referral = police.locator('[data-testid="procedure-step"][data-to="referral"]');
    expect(await referral.getAttribute("data-allowed")).toBe("false");
    expect(await referral.textContent()).toContain("Still needed");
  });

  it("finds the case again in the list, by name", async () => {
    await police.getByTestId("nav-cases").first().click();
    await police.getByLabel("Name").fill("Ciorbaescu");
    await police.getByTestId("case-filters-apply").click();
    await expect.poll(() => police.getByTestId("case-row").count()).toBe(1);
    expect(await police.getByTestId("case-row").first().textContent()).toContain(reference);
    await police.getByTestId("case-row").first().getByText(reference).click();
    await police.getByTestId("case-reference").waitFor();
  });

  it("a user of another agency does not see it: not in the list, and 404 by its address", async () => {
    const shelter = await newUserPage(browser, server.url);
    await login(shelter, "shelter.children", PASSWORD);
    await shelter.goto(`/cases/${reference}`);
    await shelter.getByTestId("not-found").waitFor();
    expect(await shelter.locator("body").textContent()).not.toContain(person.familyName);
    const direct = await shelter.request.get(`${server.url}/api/cases/${reference}`);
    expect(direct.status()).toBe(404);
    const csrf = (await (await shelter.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
    };
    const listed = await shelter.request.post(`${server.url}/api/cases/search`, {
      data: { reference },
      headers: { "x-csrf-token": csrf.csrfToken },
    });
    expect(((await listed.json()) as { total: number }).total).toBe(0);
    await shelter.context().close();
  });

  it("an auditor sees both the registration and the read of the identity", async () => {
    const auditor = await newUserPage(browser, server.url);
    await login(auditor, "auditor", PASSWORD);
    await auditor.getByTestId("nav-audit").first().click();
    await auditor.getByLabel("Reference").fill(reference);
    await auditor.getByLabel("Reference").press("Enter");
    const actions = async () =>
      Promise.all(
        (await auditor.getByTestId("audit-row").all()).map((row) => row.getAttribute("data-action")),
      );
    await expect.poll(actions).toEqual(expect.arrayContaining(["case.identity.read", "case.register"]));
    await auditor.getByRole("button", { name: "Verify chain" }).click();
    await expect.poll(() => auditor.getByTestId("verify-result").textContent()).toMatch(/intact/);
    await auditor.context().close();
  });

  it("switching to Albanian changes the whole interface", async () => {
    await police.getByTestId("language-switch").first().selectOption("sq");
    await expect.poll(() => police.getByTestId("nav-cases").first().textContent()).toContain(sq.nav.cases);
    const visible = (await police.locator("body").innerText()).toLowerCase();
    for (const english of ["cases", "register person", "case team", "summary", "sign out"])
      expect(visible).not.toContain(english);
    expect(visible).toContain(sq.casePage.team.toLowerCase());
  });

  it("keeps the person out of the server log and out of the data files", () => {
    const log = server.log();
    expect(log).toContain("OpenNRM is ready");
    for (const value of Object.values(person)) expect(log).not.toContain(value);
    for (const file of filesUnder(server.dataDir)) {
      const bytes = fs.readFileSync(file);
      for (const value of [person.familyName, person.birthDate, person.identityNumber])
        expect(bytes.includes(Buffer.from(value)), `${file}: ${value}`).toBe(false);
    }
  });
});
