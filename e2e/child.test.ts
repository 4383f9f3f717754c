import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import {
  acceptReferral,
  birthDateOfAge,
  inEnglish,
  openCase,
  PASSWORD,
  referOnLegalBasis,
  registerInForm,
  todayInKosovo,
} from "./support/story";

const childTasks = ["appoint_guardian", "assign_case_worker", "attend_child"];

/** The task codes of the rows, sorted. */
async function codesOf(rows: Locator): Promise<(string | null)[]> {
  const codes = await Promise.all((await rows.all()).map((row) => row.getAttribute("data-code")));
  return codes.sort();
}

const CHILDREN_SHELTER = "Children's protection shelter";
const PROSECUTION = "District prosecutor's office";

describe("the child story: police register a 15-year-old girl and social services are called out at once", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let social: Page;
  let shelter: Page;
  let prosecutor: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    social = await newUserPage(browser, server.url);
    shelter = await newUserPage(browser, server.url);
    prosecutor = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("police register a 15-year-old girl from Kosovo", async () => {
    await login(police, "police", PASSWORD);
    await police.getByTestId("language-switch").first().selectOption("en");
    await expect.poll(() => police.getByTestId("nav-cases").first().textContent()).toContain("Cases");
    reference = await registerInForm(police, {
      givenName: "Drita",
      familyName: "Krasniqi-Testa",
      birthDate: birthDateOfAge(15),
      country: "Kosovo",
      pathway: /child pathway/,
    });
  });

  it("the case page shows social services' open tasks with their due times", async () => {
    const tasks = police.getByTestId("procedure-task");
    await expect.poll(() => tasks.count()).toBe(3);
    expect(await codesOf(tasks)).toEqual(childTasks);
    expect(await police.getByTestId("procedure-tasks").textContent()).toContain("Centre for social work");
  });

  it("the social worker finds the three tasks on My work at once, with a badge", async () => {
    await login(social, "social", PASSWORD);
    await social.getByTestId("language-switch").first().selectOption("en");
    await expect.poll(() => social.getByTestId("nav-work").first().textContent()).toContain("My work");
    await expect.poll(() => social.getByTestId("work-badge").first().textContent()).toMatch(/^[1-9]\d*$/);
    await social.getByTestId("nav-work").first().click();
    const rows = social.getByTestId("task-row").filter({ hasText: reference });
    await expect.poll(() => rows.count()).toBe(3);
    expect(await codesOf(rows)).toEqual(childTasks);
    expect(await rows.first().textContent()).toContain("Attend the child");
  });

  it("opens the case from My work: social services are on the case team", async () => {
    await social
      .getByTestId("task-row")
      .filter({ hasText: reference })
      .first()
      .getByTestId("task-case")
      .click();
    await expect.poll(() => social.getByTestId("case-reference").textContent()).toContain(reference);
    await expect
      .poll(() => social.getByTestId("team-member").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("Centre for social work")]));
  });

  it("marks a task done, and it leaves My work", async () => {
    await social.getByTestId("nav-work").first().click();
    const rows = social.getByTestId("task-row").filter({ hasText: reference });
    await expect.poll(() => rows.count()).toBe(3);
    const attend = rows.and(social.locator('[data-code="attend_child"]'));
    await attend.getByTestId("task-done").click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await codesOf(rows)).toEqual(["appoint_guardian", "assign_case_worker"]);
  });
  it("the social worker records that the girl is at the police station, and becomes her case worker", async () => {
    await openCase(social, reference, "child");
    await social.getByTestId("location-select").selectOption("police_station");
    await social.getByTestId("location-submit").click();
    await expect
      .poll(() => social.getByTestId("location-current").getAttribute("data-type"))
      .toBe("police_station");
    await social.getByTestId("location-police-warning").waitFor();

    await social
      .getByTestId("child-case-worker-select")
      .selectOption({ label: "Social worker Blerim Maloku" });
    await social.getByTestId("child-case-worker-submit").click();
    await expect
      .poll(() => social.getByTestId("child-case-worker-current").textContent())
      .toContain("Blerim Maloku");
  });

  it("a legal guardian is appointed, and social services' open tasks for the girl are done", async () => {
    await social.getByTestId("guardian-name").fill("Mimoza Gashi");
    await social.getByTestId("guardian-appointing-body").selectOption("centre_for_social_work");
    await social.getByTestId("guardian-decision-reference").fill("CSW-PR-2026-114");
    await social.getByTestId("guardian-appointed-on").fill(todayInKosovo());
    await social.getByTestId("guardian-submit").click();
    await expect.poll(() => social.getByTestId("guardian-current").textContent()).toContain("Mimoza Gashi");
    expect(await social.getByTestId("guardian-none").count()).toBe(0);

    await social.getByTestId("nav-work").first().click();
    await social.getByTestId("my-work").waitFor();
    await expect.poll(() => social.getByTestId("task-row").filter({ hasText: reference }).count()).toBe(0);
  });

  it("the girl's views are heard, with her guardian, and the best-interests determination is recorded", async () => {
    await openCase(social, reference, "child");
    await social.getByTestId("views-date").fill(todayInKosovo());
    await social.getByTestId("views-guardian-present").check();
    await social.getByTestId("views-summary").fill("She wants to stay somewhere safe, away from her father.");
    await social.getByTestId("views-submit").click();
    await expect.poll(() => social.getByTestId("views-record").count()).toBe(1);

    await social.getByTestId("bid-date").fill(todayInKosovo());
    await social.getByTestId("bid-outcome").selectOption("residential_care");
    await social.getByTestId("bid-reasoning").fill("A specialised shelter until the family is assessed.");
    await social.getByTestId("bid-guardian-present").check();
    await social.getByTestId("bid-child-heard").check();
    await social.getByTestId("bid-submit").click();
    await expect.poll(() => social.getByTestId("bid-record").count()).toBe(1);
  });

  it("her father is recorded as a parent who may be told", async () => {
    await social.getByTestId("parent-relationship").selectOption("father");
    await social.getByTestId("parent-name").fill("Agim Krasniqi-Testa");
    await social.getByTestId("parent-submit").click();
    const father = social.getByTestId("parent-row");
    await expect.poll(() => father.getAttribute("data-suspected")).toBe("false");
    expect(await father.getByTestId("parent-notify").count()).toBe(1);
  });

  it("police bring in the prosecutor on the guardian's decision; the prosecutor flags the father as a suspect", async () => {
    await openCase(police, reference);
    await referOnLegalBasis(
      police,
      PROSECUTION,
      "case_responsibility",
      ["identity", "circumstances"],
      "child_guardian_decision",
      "Mimoza Gashi, legal guardian",
    );
    await login(prosecutor, "prosecutor", PASSWORD);
    await inEnglish(prosecutor);
    await acceptReferral(prosecutor, reference);
    await openCase(prosecutor, reference, "child");
    await prosecutor.getByTestId("parent-flag").click();
    await expect.poll(() => prosecutor.getByTestId("parent-row").getAttribute("data-suspected")).toBe("true");
  });

  it("a parent suspected of trafficking her can never be notified", async () => {
    await openCase(social, reference, "child");
    const father = social.getByTestId("parent-row");
    await expect.poll(() => father.getAttribute("data-suspected")).toBe("true");
    await father.getByTestId("parent-never-notify").waitFor();
    expect(await father.getByTestId("parent-notify").count()).toBe(0);
    expect(await father.getByTestId("parent-notify-method").count()).toBe(0);
  });

  it("the placement: social services refer her to the children's shelter on the guardian's decision", async () => {
    await openCase(social, reference);
    await referOnLegalBasis(
      social,
      CHILDREN_SHELTER,
      "safe_housing",
      ["identity", "circumstances"],
      "child_guardian_decision",
      "Mimoza Gashi, legal guardian",
    );
  });

  it("the children's shelter accepts her, and she is at the shelter", async () => {
    await login(shelter, "shelter.children", PASSWORD);
    await inEnglish(shelter);
    await acceptReferral(shelter, reference);
    await openCase(shelter, reference, "child");
    await shelter.getByTestId("location-select").selectOption("shelter");
    await shelter.getByTestId("location-submit").click();
    await expect
      .poll(() => shelter.getByTestId("location-current").getAttribute("data-type"))
      .toBe("shelter");
    expect(await shelter.getByTestId("location-police-warning").count()).toBe(0);
  });

  it("services are recorded: safe housing by the shelter, psychological support by social services", async () => {
    await openCase(shelter, reference, "assistance");
    await shelter.getByTestId("service-code").selectOption("safe_housing");
    await shelter.getByTestId("service-initial-status").selectOption("in_progress");
    await shelter.getByTestId("service-provider-agency").selectOption({ label: CHILDREN_SHELTER });
    await shelter.getByTestId("service-submit").click();
    await expect
      .poll(() =>
        shelter.locator('[data-testid="service-row"][data-code="safe_housing"]').getAttribute("data-status"),
      )
      .toBe("in_progress");

    await openCase(social, reference, "assistance");
    await social.getByTestId("service-code").selectOption("psychological");
    await social
      .getByTestId("service-provider-agency")
      .selectOption({ label: "Centre for social work, Prishtinë" });
    await social.getByTestId("service-submit").click();
    await expect.poll(() => social.getByTestId("service-row").count()).toBe(2);
  });
});
