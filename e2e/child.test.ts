import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

const PASSWORD = "demo-only-2026";
const childTasks = ["appoint_guardian", "assign_case_worker", "attend_child"];

/** The task codes of the rows, sorted. */
async function codesOf(rows: Locator): Promise<(string | null)[]> {
  const codes = await Promise.all((await rows.all()).map((row) => row.getAttribute("data-code")));
  return codes.sort();
}

/** A birth date making the girl 15 today, whatever day the story runs. */
function birthDateOfFifteenYearOld(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - 15);
  date.setUTCDate(date.getUTCDate() - 100);
  return date.toISOString().slice(0, 10);
}

describe("the child story: police register a 15-year-old girl and social services are called out at once", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let social: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    social = await newUserPage(browser, server.url);
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
    await police.getByTestId("nav-register").first().click();
    await police.getByLabel("Given name").fill("Drita");
    await police.getByLabel("Family name").fill("Krasniqi-Testa");
    await police.getByLabel("Gender").selectOption("Feminine");
    await police.getByLabel("Date of birth").fill(birthDateOfFifteenYearOld());
    const citizenship = police.getByTestId("citizenship");
    await citizenship.click();
    await citizenship.pressSequentially("Kosovo");
    await police.getByRole("option", { name: "Kosovo" }).click();
    await police.keyboard.press("Escape");
    await police.getByLabel("Region").selectOption("prishtine");
    await police.getByLabel("Source of identification").selectOption("police_raid");
    await expect.poll(() => police.getByTestId("pathway-preview").textContent()).toMatch(/child pathway/);
    await police.getByTestId("register-submit").click();

    const heading = police.getByTestId("case-reference");
    await heading.waitFor();
    reference = ((await heading.textContent()) ?? "").match(/[A-Z]+-\d{4}-\d{5}/)?.[0] ?? "";
    expect(reference).toMatch(/^NRM-\d{4}-\d{5}$/);
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
});
