/** Steps the long browser stories share: opening a case's tab, moving its stage, referring, accepting. */
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const PASSWORD = "demo-only-2026";

/** Today's date where the demo jurisdiction is (Kosovo), as the server counts days. */
export function todayInKosovo(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Belgrade" }).format(new Date());
}

/** Calls the API as the signed-in user of `page`, with the CSRF token a state change needs. */
export async function apiPost(page: Page, baseUrl: string, path: string, data: object) {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  return page.request.post(`${baseUrl}${path}`, { data, headers: { "x-csrf-token": me.csrfToken } });
}

/** Opens a case, on one of its tabs, and waits for the page. */
export async function openCase(page: Page, reference: string, tab = "overview"): Promise<void> {
  await page.goto(`/cases/${reference}${tab === "overview" ? "" : `?tab=${tab}`}`);
  await expect.poll(() => page.getByTestId("case-reference").textContent()).toContain(reference);
}

/** Takes the procedure's next step to `stage` (on the overview tab), once the step is allowed. */
export async function moveStage(page: Page, reference: string, stage: string): Promise<void> {
  await openCase(page, reference);
  const step = page.locator(`[data-testid="procedure-step"][data-to="${stage}"]`);
  await expect.poll(() => step.getAttribute("data-allowed")).toBe("true");
  await step.getByRole("button").click();
  await expect.poll(() => page.getByTestId("procedure-stage").getAttribute("data-stage")).toBe(stage);
}

/** Refers the open case with the person's verbal consent; `purpose` is a service or "case_responsibility". */
export async function refer(
  page: Page,
  to: string,
  purpose: string,
  scopes: ("identity" | "circumstances")[],
): Promise<void> {
  // The rows load after the page: count only the pending referrals to this recipient.
  const pending = page
    .getByTestId("case-referral")
    .filter({ hasText: to })
    .filter({ has: page.locator('[data-testid="referral-status"][data-status="pending"]') });
  await page.getByTestId("refer-agency").selectOption({ label: to });
  await page.getByTestId("refer-purpose").selectOption(purpose);
  for (const scope of scopes) await page.getByTestId(`refer-scope-${scope}`).check();
  await page.getByTestId("refer-consent-given").check();
  await page.getByTestId("refer-consent-method").selectOption("verbal");
  await page.getByTestId("refer-submit").click();
  await expect.poll(() => pending.count()).toBe(1);
}

/**
 * Refers the open case on a recorded legal basis instead of consent (for a child, the guardian's
 * decision), dated today.
 */
export async function referOnLegalBasis(
  page: Page,
  to: string,
  purpose: string,
  scopes: ("identity" | "circumstances")[],
  basis: "child_guardian_decision" | "vital_interest",
  decidedBy: string,
): Promise<void> {
  const pending = page
    .getByTestId("case-referral")
    .filter({ hasText: to })
    .filter({ has: page.locator('[data-testid="referral-status"][data-status="pending"]') });
  await page.getByTestId("refer-agency").selectOption({ label: to });
  await page.getByTestId("refer-purpose").selectOption(purpose);
  for (const scope of scopes) await page.getByTestId(`refer-scope-${scope}`).check();
  await page.getByTestId("refer-grounds-legal-basis").check();
  await page.getByTestId("refer-legal-basis").selectOption(basis);
  await page.getByTestId("refer-decided-by").fill(decidedBy);
  await page.getByTestId("refer-submit").click();
  await expect.poll(() => pending.count()).toBe(1);
}

/** The recipient accepts the referral of `reference` from its inbox. */
export async function acceptReferral(page: Page, reference: string): Promise<void> {
  await page.getByTestId("nav-inbox").first().click();
  const row = page.getByTestId("inbox-row").filter({ hasText: reference }).first();
  await row.getByText(reference).click();
  await page.getByTestId("referral-accept").click();
  await page.getByTestId("referral-open-case").waitFor();
}

/** Signs in and switches the interface to English, whatever the user's own language. */
export async function inEnglish(page: Page): Promise<void> {
  await page.getByTestId("language-switch").first().selectOption("en");
  await expect.poll(() => page.getByTestId("nav-profile").first().textContent()).toContain("My profile");
}

/** A birth date making a person `years` old today (and some weeks), whatever day the story runs. */
export function birthDateOfAge(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - 60);
  return date.toISOString().slice(0, 10);
}

/**
 * Registers a woman found in a police raid in Prishtinë through the form, checks the pathway the
 * form previews, and answers the new case's reference.
 */
export async function registerInForm(
  page: Page,
  person: { givenName: string; familyName: string; birthDate: string; country: string; pathway: RegExp },
): Promise<string> {
  await page.getByTestId("nav-register").first().click();
  await page.getByLabel("Given name").fill(person.givenName);
  await page.getByLabel("Family name").fill(person.familyName);
  await page.getByLabel("Gender").selectOption("Feminine");
  await page.getByLabel("Date of birth").fill(person.birthDate);
  const citizenship = page.getByTestId("citizenship");
  await citizenship.click();
  await citizenship.pressSequentially(person.country);
  await page.getByRole("option", { name: person.country }).click();
  await page.keyboard.press("Escape");
  await page.getByLabel("Region").selectOption("prishtine");
  await page.getByLabel("Source of identification").selectOption("police_raid");
  await expect.poll(() => page.getByTestId("pathway-preview").textContent()).toMatch(person.pathway);
  await page.getByTestId("register-submit").click();
  const heading = page.getByTestId("case-reference");
  await heading.waitFor();
  const reference = ((await heading.textContent()) ?? "").match(/[A-Z]+-\d{4}-\d{5}/)?.[0] ?? "";
  expect(reference).toMatch(/^NRM-\d{4}-\d{5}$/);
  return reference;
}
