import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, inEnglish, openCase, PASSWORD, todayInKosovo } from "./support/story";

const FIRST = "Arben Kuqi";
const SECOND = "Ilir Gashi";

function daysFromToday(days: number): string {
  const date = new Date(`${todayInKosovo()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function signIn(page: Page, username: string): Promise<void> {
  await login(page, username, PASSWORD);
  await inEnglish(page);
}

describe("a prosecution: indictment, a sentence under the minimum, a release pending appeal, the victim's advocate alerted", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let prosecutor: Page;
  let advocate: Page;
  let shelter: Page;
  let reference = "";
  let proceedingUrl = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    prosecutor = await newUserPage(browser, server.url);
    advocate = await newUserPage(browser, server.url);
    shelter = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("the police register the victim and put the prosecutor, the advocates and the shelter on the team", async () => {
    await signIn(police, "police.chief");
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: "Witness",
        familyName: "Protected",
        gender: "Feminine",
        birthDate: "1998-02-01",
        citizenship: ["MD"],
      },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(registered.status()).toBe(201);
    reference = ((await registered.json()) as { reference: string }).reference;
    const agencies = (await (await police.request.get(`${server.url}/api/agencies`)).json()) as {
      id: string;
      name: string;
    }[];
    for (const name of [
      "District prosecutor's office",
      "Victim advocacy and assistance unit",
      "Interim secure facility",
    ]) {
      const agencyId = agencies.find((a) => a.name === name)?.id ?? "";
      const team = await apiPost(police, server.url, `/api/cases/${reference}/team`, {
        agencyId,
        scopes: ["identity"],
      });
      expect(team.status()).toBeLessThan(300);
    }
  });

  it("the prosecutor records an indictment with two defendants under two sections and a hearing", async () => {
    await signIn(prosecutor, "prosecutor");
    await prosecutor.getByTestId("nav-justice").first().click();
    const form = prosecutor.getByTestId("justice-open-form");
    await form.getByTestId("open-case-reference").fill(reference);
    await form.getByTestId("open-stage").selectOption("indictment");
    await form.getByTestId("open-prosecutor-reference").fill("PP 88/2026");
    await form.getByTestId("open-court").fill("District Court Prishtinë");
    await form.getByTestId("open-submit").click();
    await prosecutor.getByTestId("proceeding-page").waitFor();
    proceedingUrl = new URL(prosecutor.url()).pathname;
    expect(proceedingUrl).toMatch(/^\/justice\/[0-9a-f-]{36}$/);
    expect(await prosecutor.getByTestId("proceeding-stage").textContent()).toBe("Indictment");

    for (const [name, role] of [
      [FIRST, "organiser"],
      [SECOND, "exploiter"],
    ] as const) {
      const defendant = prosecutor.getByTestId("defendant-form");
      await defendant.getByTestId("defendant-name-input").fill(name);
      await defendant.getByTestId("defendant-nationality").selectOption("AL");
      await defendant.getByTestId("defendant-role").selectOption(role);
      await defendant.getByTestId("defendant-submit").click();
      await expect.poll(() => prosecutor.getByTestId("defendant-name").allTextContents()).toContain(name);
    }

    for (const [name, section] of [
      [FIRST, "2.1"],
      [SECOND, "2.2"],
    ] as const) {
      const charge = prosecutor.getByTestId("charge-form");
      await charge.getByTestId("charge-defendant").selectOption({ label: name });
      await charge.getByTestId("charge-section-select").selectOption(section);
      await charge.getByTestId("charge-submit").click();
      await expect.poll(() => prosecutor.getByTestId("charge-row").filter({ hasText: name }).count()).toBe(1);
    }
    expect(await prosecutor.getByTestId("charge-section").allTextContents()).toEqual([
      "2.1 Trafficking in persons",
      "2.2 Organising a group for trafficking",
    ]);

    const hearing = prosecutor.getByTestId("hearing-form");
    await hearing.getByTestId("hearing-kind").selectOption("trial");
    await hearing.getByTestId("hearing-at").fill(`${daysFromToday(20)}T09:30`);
    await hearing.getByTestId("hearing-submit").click();
    await expect.poll(() => prosecutor.getByTestId("hearing-row").count()).toBe(1);
  });

  it("a verdict under the statutory minimum is flagged, and the release pending appeal recorded", async () => {
    const row = prosecutor.getByTestId("charge-row").filter({ hasText: FIRST });
    const verdict = row.getByTestId("verdict-form");
    await verdict.getByTestId("verdict-outcome").selectOption("convicted");
    await verdict.getByTestId("verdict-months").fill("8");
    await verdict.getByTestId("verdict-submit").click();
    await expect
      .poll(() => row.getByTestId("charge-out-of-range").textContent())
      .toContain("Below the minimum");
    expect(await row.getByTestId("charge-out-of-range").textContent()).toContain("24–144 months");
    await expect.poll(() => prosecutor.getByTestId("proceeding-out-of-range").count()).toBe(1);

    const defendant = prosecutor.getByTestId("defendant-row").filter({ hasText: FIRST });
    await defendant.getByTestId("custody-status").selectOption("released_pending_appeal");
    await defendant.getByTestId("custody-on").fill(todayInKosovo());
    await defendant.getByTestId("custody-submit").click();
    await expect
      .poll(() => defendant.getByTestId("defendant-custody").textContent())
      .toContain("Released pending appeal");

    await prosecutor.getByTestId("nav-justice").first().click();
    const docketRow = prosecutor.getByTestId("docket-row").filter({ hasText: reference });
    await expect
      .poll(() => docketRow.getByTestId("docket-out-of-range").textContent())
      .toContain("1 sentence");
  });

  it("the victim's advocate sees the alert at once and records a reassessment, which ends it", async () => {
    await signIn(advocate, "advocate");
    await advocate.getByTestId("nav-work").first().click();
    const alert = advocate.locator('[data-testid="alert-row"][data-kind="defendant_released"]');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.getByTestId("alert-case").textContent()).toBe(reference);
    expect(await advocate.content()).not.toContain(FIRST);

    await alert.getByTestId("alert-case").click();
    await expect.poll(() => advocate.getByTestId("case-reference").textContent()).toContain(reference);
    const justice = advocate.getByTestId("case-justice");
    await justice.getByTestId("case-justice-reassessment-due").waitFor();
    await justice.getByTestId("reassessment-level").selectOption("high");
    await justice.getByTestId("reassessment-submit").click();
    await expect.poll(() => justice.getByTestId("case-justice-reassessment-due").count()).toBe(0);
    expect(await justice.getByTestId("case-justice-last-reassessment").textContent()).toContain("High");

    await advocate.getByTestId("nav-work").first().click();
    await advocate.getByTestId("alerts-panel").waitFor();
    await expect
      .poll(() => advocate.locator('[data-testid="alert-row"][data-kind="defendant_released"]').count())
      .toBe(0);
  });

  it("a shelter worker on the victim's team sees that a proceeding exists and its stage, not the defendants", async () => {
    await signIn(shelter, "shelter");
    await openCase(shelter, reference);
    const justice = shelter.getByTestId("case-justice");
    await expect.poll(() => justice.getByTestId("case-justice-stage").textContent()).toBe("Indictment");
    expect(await justice.getByTestId("case-justice-open").count()).toBe(0);
    const content = await shelter.content();
    expect(content).not.toContain(FIRST);
    expect(content).not.toContain(SECOND);
    expect(content).not.toContain("PP 88/2026");

    await shelter.goto(proceedingUrl);
    await shelter.getByTestId("not-found").waitFor();
    const answer = await shelter.request.get(
      `${server.url}/api${proceedingUrl.replace("/justice", "/justice/proceedings")}`,
    );
    expect(answer.status()).toBe(404);
    expect(await answer.text()).not.toContain(FIRST);
  });
});
