import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { inEnglish, PASSWORD } from "./support/story";

const REPORT =
  "A girl, maybe 15, is kept in the back room of Bar Dardania on the Ferizaj road. Men come at night.";

async function signIn(page: Page, username: string): Promise<void> {
  await login(page, username, PASSWORD);
  await inEnglish(page);
}

async function openHotline(page: Page): Promise<void> {
  await page.getByTestId("nav-hotline").first().waitFor();
  await page.goto("/hotline");
  await page.getByRole("heading", { name: "Hotline", level: 1 }).waitFor();
}

describe("an anonymous call about a girl held in a bar: imminent danger to the police, later a case", () => {
  let server: RunningServer;
  let browser: Browser;
  let operator: Page;
  let police: Page;
  let supervisor: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    operator = await newUserPage(browser, server.url);
    police = await newUserPage(browser, server.url);
    supervisor = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("the operator logs the anonymous call from the keyboard and hands it to the police at once", async () => {
    await signIn(operator, "hotline");
    await openHotline(operator);
    const form = operator.getByTestId("contact-form");
    // The channel has the focus, ready for the call.
    const focused = () => operator.locator(":focus").getAttribute("data-testid");
    await expect.poll(focused).toBe("contact-channel");
    await form.getByTestId("contact-language").selectOption("sq");
    // The key phrases follow the caller's language.
    await expect
      .poll(() => operator.getByTestId("phrase-safe_now").getByTestId("phrase-caller").textContent())
      .toBe("A jeni të sigurt tani?");
    await form.getByTestId("contact-caller-type").selectOption("anonymous");
    await form.getByTestId("contact-region").selectOption("ferizaj");
    await form.getByTestId("indicator-held_against_will").check();
    await form.getByTestId("indicator-forced_sexual_services").check();
    await form.getByTestId("indicator-minor_involved").check();
    await form.getByTestId("contact-summary").fill(REPORT);
    await form.getByTestId("contact-urgency").selectOption("imminent_danger");
    await form.getByTestId("contact-danger").waitFor();
    await form.getByTestId("contact-police").selectOption({ label: "Police anti-trafficking unit (THBS)" });
    await form.getByTestId("contact-exception").selectOption("child_at_risk");
    expect(await operator.getByTestId("contact-phone").count()).toBe(0);
    // Ctrl+Enter in the summary saves the whole form.
    await form.getByTestId("contact-summary").press("Control+Enter");
    const row = operator.locator('[data-testid="contact-row"][data-outcome="police_handover"]').first();
    await expect.poll(() => row.count()).toBe(1);
    await expect
      .poll(() => row.getByTestId("contact-handover").textContent())
      .toContain("Police anti-trafficking unit (THBS)");
    expect(await row.getByTestId("contact-handover").textContent()).toContain("not yet acknowledged");
    expect(await row.textContent()).toContain("Anonymous");
    // The form is empty again, the channel focused, for the next call.
    expect(await form.getByTestId("contact-summary").inputValue()).toBe("");
    await expect.poll(focused).toBe("contact-channel");
  });

  it("the police unit is alerted, reads the report without the caller, and acknowledges it", async () => {
    await signIn(police, "police");
    await police.getByTestId("nav-work").first().click();
    const alert = police.locator('[data-testid="alert-row"][data-kind="hotline_danger"]').first();
    await alert.waitFor();
    await openHotline(police);
    const handover = police.locator('[data-testid="handover-row"][data-acknowledged="false"]').first();
    await expect.poll(() => handover.getByTestId("handover-summary").textContent()).toContain("Bar Dardania");
    expect(await handover.textContent()).toContain("Ferizaj");
    expect(await handover.textContent()).toContain("A child is involved");
    expect(await handover.getByTestId("handover-caller").textContent()).toBe("Caller not identified");
    await handover.getByTestId("handover-acknowledge").click();
    const done = police.locator('[data-testid="handover-row"][data-acknowledged="true"]').first();
    await expect
      .poll(() => done.getByTestId("handover-acknowledged").textContent())
      .toContain("Officer Albana Zeqiri");
    await police.getByTestId("nav-work").first().click();
    await police.getByTestId("nav-work").first().waitFor();
    await expect
      .poll(() => police.locator('[data-testid="alert-row"][data-kind="hotline_danger"]').count())
      .toBe(0);
  });

  it("the operator sees the acknowledgement", async () => {
    await operator.reload();
    const row = operator.locator('[data-testid="contact-row"][data-outcome="police_handover"]').first();
    await expect.poll(() => row.getByTestId("contact-handover").textContent()).toContain("acknowledged at");
  });

  it("later, with her consent, the helpline's supervisor turns the contact into a case", async () => {
    await signIn(supervisor, "iom.head");
    await openHotline(supervisor);
    const row = supervisor.locator('[data-testid="contact-row"][data-outcome="police_handover"]').first();
    await row.getByTestId("case-open").click();
    const form = row.getByTestId("case-form");
    await form.getByTestId("case-given-name").fill("Elira");
    await form.getByTestId("case-gender").selectOption("Feminine");
    await form.getByTestId("case-age").fill("15");
    await form.getByTestId("case-citizenship").selectOption("XK");
    await form.getByTestId("case-region").selectOption("ferizaj");
    // Without consent, no case.
    await form.getByTestId("case-submit").click();
    await expect.poll(() => form.textContent()).toContain("only with the person's consent");
    await form.getByTestId("case-consent").check();
    await form.getByTestId("case-submit").click();
    const opened = supervisor.locator('[data-testid="contact-row"][data-outcome="case_opened"]').first();
    await expect.poll(() => opened.getByTestId("contact-case").textContent()).toMatch(/NRM-\d{4}-\d{5}/);
    reference = (await opened.getByTestId("contact-case").textContent()) ?? "";
    await opened.getByTestId("contact-case").click();
    await expect.poll(() => supervisor.url()).toContain(`/cases/${reference}`);
    const answer = await supervisor.request.get(`${server.url}/api/cases/${reference}`);
    expect(answer.status()).toBe(200);
    const detail = (await answer.json()) as { pathway: string; source?: string };
    expect(detail.pathway).toBe("child");
  });

  it("the figures count the call by channel, language, caller and outcome", async () => {
    await openHotline(supervisor);
    const figures = supervisor.getByTestId("hotline-figures");
    await expect.poll(() => figures.getByTestId("figures-total").textContent()).toBe("Contacts: 1");
    expect(await figures.getByTestId("figures-channel").locator('[data-key="call"]').textContent()).toContain(
      "1",
    );
    expect(
      await figures.getByTestId("figures-outcome").locator('[data-key="case_opened"]').textContent(),
    ).toContain("1");
  });
});
