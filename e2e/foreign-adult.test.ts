import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import {
  acceptReferral,
  birthDateOfAge,
  inEnglish,
  moveStage,
  openCase,
  PASSWORD,
  refer,
  registerInForm,
  todayInKosovo,
} from "./support/story";

const IOM = "IOM counter-trafficking unit";
const FOCAL = "OSCE trafficking focal point";
const SHELTER = "Interim secure facility";
const PROSECUTION = "District prosecutor's office";

/** The day `days` after today in Kosovo. */
function daysFromToday(days: number): string {
  const date = new Date(`${todayInKosovo()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function signIn(page: Page, username: string): Promise<void> {
  await login(page, username, PASSWORD);
  await inEnglish(page);
}

describe("the foreign adult story: a raid, the focal point, IOM, a shelter, reflection, voluntary return and closure", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let focal: Page;
  let iom: Page;
  let shelter: Page;
  let prosecutor: Page;
  let iomHead: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    focal = await newUserPage(browser, server.url);
    iom = await newUserPage(browser, server.url);
    shelter = await newUserPage(browser, server.url);
    prosecutor = await newUserPage(browser, server.url);
    iomHead = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("police register a 24-year-old woman from Moldova found in a raid", async () => {
    await signIn(police, "police");
    reference = await registerInForm(police, {
      givenName: "Natalia",
      familyName: "Ciobanu-Testa",
      birthDate: birthDateOfAge(24),
      country: "Moldova",
      pathway: /foreign adult/i,
    });
    await expect
      .poll(() => police.getByTestId("procedure-stage").getAttribute("data-stage"))
      .toBe("identification");
  });

  it("police inform her of her rights in Romanian and move the case to rights information", async () => {
    await openCase(police, reference);
    await police.getByTestId("rights-right-lawyer").check();
    await police.getByTestId("rights-right-assistance_regardless_of_cooperation").check();
    await police.getByTestId("rights-right-reflection_period").check();
    await police.getByTestId("rights-language").selectOption("ro");
    await police.getByTestId("rights-interpreter").check();
    await police.getByTestId("rights-understood").check();
    await police.getByTestId("rights-submit").click();
    await expect.poll(() => police.getByTestId("rights-record").count()).toBe(1);
    await moveStage(police, reference, "rights_information");
  });

  it("police record the first interview; she is not willing to give a statement", async () => {
    await openCase(police, reference, "interview");
    await police.getByTestId("interview-form").waitFor();
    await police.getByTestId("interview-willingness").selectOption("not_willing");
    await police.getByTestId("interview-private").check();
    await police.getByTestId("interview-female-officer").check();
    await police.getByTestId("interview-interpreter").check();
    await police.getByTestId("interview-interpreter-language").selectOption("ro");
    await police.getByTestId("interview-circumstances").fill("Found during a raid on a bar in Prishtinë.");
    await police.getByTestId("interview-needs-safe_housing").check();
    await police.getByTestId("interview-needs-medical").check();
    await police.getByTestId("interview-risk-level").selectOption("medium");
    await police.getByTestId("interview-submit").click();
    await expect.poll(() => police.getByTestId("interview-section").count()).toBeGreaterThan(1);
    expect(await police.getByTestId("interview-form").count()).toBe(0);
  });

  it("police refer the case to the focal point for case responsibility, with her consent", async () => {
    await openCase(police, reference);
    await refer(police, FOCAL, "case_responsibility", ["identity", "circumstances"]);
  });

  it("the focal point accepts and reads the police's interview instead of interviewing again", async () => {
    await signIn(focal, "focal");
    await acceptReferral(focal, reference);
    await openCase(focal, reference, "interview");
    const sections = focal.getByTestId("interview-section");
    await expect.poll(() => sections.count()).toBeGreaterThan(0);
    const shown = await Promise.all((await sections.all()).map((s) => s.getAttribute("data-section")));
    expect(shown).toContain("circumstances");
    expect(await focal.getByTestId("case-interview").textContent()).toContain(
      "Found during a raid on a bar in Prishtinë.",
    );
    // One first interview: the focal point reads it and is not offered a new one.
    expect(await focal.getByTestId("interview-form").count()).toBe(0);
    await moveStage(focal, reference, "referral");
  });

  it("the focal point refers her to IOM with her consent", async () => {
    await openCase(focal, reference);
    await refer(focal, IOM, "case_responsibility", ["identity", "circumstances"]);
  });

  it("IOM accepts and moves the case to immediate assistance", async () => {
    await signIn(iom, "iom");
    await acceptReferral(iom, reference);
    await moveStage(iom, reference, "immediate_assistance");
  });

  it("IOM refers her to the shelter for safe housing; the shelter admits her and records the service", async () => {
    await openCase(iom, reference);
    await refer(iom, SHELTER, "safe_housing", ["identity", "circumstances"]);
    await signIn(shelter, "shelter");
    await acceptReferral(shelter, reference);
    await openCase(shelter, reference, "assistance");
    await shelter.getByTestId("service-form").waitFor();
    await shelter.getByTestId("service-code").selectOption("safe_housing");
    await shelter.getByTestId("service-initial-status").selectOption("in_progress");
    await shelter.getByTestId("service-provider-agency").selectOption({ label: SHELTER });
    await shelter.getByTestId("service-submit").click();
    const row = shelter.locator('[data-testid="service-row"][data-code="safe_housing"]');
    await expect.poll(() => row.getAttribute("data-status")).toBe("in_progress");
  });

  it("IOM assesses her needs, records services and starts the reflection period", async () => {
    await openCase(iom, reference, "assistance");
    await iom.getByTestId("needs-form").waitFor();
    await iom.getByTestId("needs-need-medical").check();
    await iom.getByTestId("needs-need-psychological").check();
    await iom.getByTestId("needs-need-legal_counsel").check();
    await iom.getByTestId("needs-urgency").selectOption("urgent");
    await iom.getByTestId("needs-submit").click();
    await expect.poll(() => iom.getByTestId("needs-row").count()).toBe(1);

    for (const service of ["medical", "psychological"]) {
      await iom.getByTestId("service-code").selectOption(service);
      await iom.getByTestId("service-provider-agency").selectOption({ label: IOM });
      await iom.getByTestId("service-submit").click();
      await expect
        .poll(() => iom.locator(`[data-testid="service-row"][data-code="${service}"]`).count())
        .toBe(1);
    }
    // Services do not wait for a statement: she refused one, and she receives them all.
    expect(await iom.getByTestId("service-row").count()).toBe(3);

    await moveStage(iom, reference, "reflection_period");
    await openCase(iom, reference, "assistance");
    // At least 90 days from identification (the SOP's reflectionPeriodDays), which was today.
    await expect.poll(() => iom.getByTestId("reflection-end").textContent()).toContain(daysFromToday(90));
    await expect.poll(() => iom.getByTestId("reflection-days-left").textContent()).toMatch(/^\s*(89|90)\b/);
  });

  it("she is ready to decide: IOM moves to the decision on her future", async () => {
    await moveStage(iom, reference, "decision_on_future");
  });

  it("police record the risk assessment of a return", async () => {
    await openCase(police, reference, "future");
    await police.getByTestId("risk-form").waitFor();
    await police.getByTestId("risk-level").selectOption("medium");
    await police.getByTestId("risk-recommendation").selectOption("return_with_measures");
    await police.getByTestId("risk-factor-trafficker_at_large").check();
    await police.getByTestId("risk-submit").click();
    await expect.poll(() => police.getByTestId("risk-current").getAttribute("data-level")).toBe("medium");
  });

  it("police put the prosecutor's office on the team with her consent; the prosecutor accepts", async () => {
    await openCase(police, reference);
    await refer(police, PROSECUTION, "case_responsibility", ["identity", "circumstances"]);
    await signIn(prosecutor, "prosecutor");
    await acceptReferral(prosecutor, reference);
    await openCase(prosecutor, reference);
    await expect
      .poll(() => prosecutor.getByTestId("team-member").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(PROSECUTION)]));
  });

  it("IOM records her decision: voluntary return with the full programme", async () => {
    await openCase(iom, reference, "future");
    await iom.getByTestId("decision-form").waitFor();
    await iom.getByTestId("decision-option").selectOption("voluntary_return_full_programme");
    await iom.getByTestId("decision-planned").fill(todayInKosovo());
    await iom.getByTestId("decision-submit").click();
    await expect
      .poll(() => iom.getByTestId("decision-current").getAttribute("data-option"))
      .toBe("voluntary_return_full_programme");
  });

  it("the prosecutor is told on My work that she decided to return", async () => {
    await prosecutor.getByTestId("nav-work").first().click();
    const alert = prosecutor
      .locator('[data-testid="alert-row"][data-kind="voluntary_return_decided"]')
      .filter({ hasText: reference });
    await expect.poll(() => alert.count()).toBe(1);
  });

  it("IOM moves to return, records the return and makes the hand-over package", async () => {
    await moveStage(iom, reference, "return_and_reintegration");
    await openCase(iom, reference, "future");
    await iom.getByTestId("return-form").waitFor();
    await iom.getByTestId("return-destination").selectOption("MD");
    await iom.getByTestId("return-departure").fill(todayInKosovo());
    await iom.getByTestId("return-partner-name").fill("La Strada Moldova");
    await iom.getByTestId("return-partner-country").selectOption("MD");
    await iom.getByTestId("return-submit").click();
    await iom.getByTestId("return-current").waitFor();

    await iom.getByTestId("handover-form").waitFor();
    await iom.getByTestId("handover-section-identity").check();
    await iom.getByTestId("handover-section-case_summary").check();
    await iom.getByTestId("handover-section-risk_assessment").check();
    await iom.getByTestId("handover-section-return").check();
    await iom.getByTestId("handover-consent").check();
    await iom.getByTestId("handover-submit").click();
    await expect.poll(() => iom.getByTestId("handover-key").textContent()).toMatch(/\S{8,}/);
    expect(await iom.getByTestId("handover-package-link").getAttribute("href")).toBeTruthy();
    expect(await iom.getByTestId("handover-pdf-link").getAttribute("href")).toBeTruthy();
    await expect.poll(() => iom.getByTestId("handover-row").count()).toBe(1);
  });

  it("the 3-month follow-up is scheduled, and IOM records its result", async () => {
    const rows = iom.getByTestId("follow-up-row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    const first = rows.filter({ hasText: "after 3 months" });
    await expect.poll(() => first.count()).toBe(1);
    expect(await first.getAttribute("data-status")).toBe("scheduled");
    await first.getByTestId("follow-up-outcome-safe_and_stable").check();
    await first.getByTestId("follow-up-submit").click();
    await expect.poll(() => first.getAttribute("data-status")).toBe("held");
  });

  it("IOM proposes closure; the head of unit approves and the case is closed", async () => {
    await openCase(iom, reference);
    await iom.getByTestId("closure-outcome").selectOption("returned_home");
    await iom.getByTestId("closure-note").fill("Returned home with the full reintegration programme.");
    await iom.getByTestId("closure-propose").click();
    await expect.poll(() => iom.getByTestId("closure-current").getAttribute("data-status")).toBe("proposed");
    expect(await iom.getByTestId("closure-approve").count()).toBe(0);

    await signIn(iomHead, "iom.head");
    await openCase(iomHead, reference);
    await iomHead.getByTestId("closure-approve").click();
    await expect
      .poll(() => iomHead.getByTestId("closure-current").getAttribute("data-status"))
      .toBe("approved");
    await moveStage(iomHead, reference, "closure");
  });

  it("the timeline tells the whole story", async () => {
    await openCase(iomHead, reference, "timeline");
    const items = iomHead.getByTestId("timeline-item");
    await expect.poll(() => items.count()).toBeGreaterThan(5);
    const kinds = new Set(
      await Promise.all((await items.all()).map((item) => item.getAttribute("data-kind"))),
    );
    expect(kinds.size).toBeGreaterThan(2);
  });
});
