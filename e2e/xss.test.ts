import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, birthDateOfAge, inEnglish, PASSWORD, todayInKosovo } from "./support/story";

/**
 * Stored script injection (issue 10 item 4): hostile text is written through the API into the
 * free-text fields users fill in, then every page that shows it is opened in Chromium. It must
 * show as text: no script runs, no dialog opens, and the policy blocks inline script.
 */
const vectors = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "javascript:window.__xss=1",
  "${window.__xss=1}",
  "{{constructor.constructor('window.__xss=1')()}}",
  "$t(common.goHome)",
];

/** A date some days after another (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A tag naming the field, then as many hostile vectors as the field's length allows. */
function hostile(tag: string, max = 4000): string {
  let text = tag;
  for (const vector of vectors) if (`${text} ${vector}`.length <= max) text = `${text} ${vector}`;
  return text;
}

describe("stored script injection renders inert on every page that shows it", () => {
  let server: RunningServer;
  let browser: Browser;
  const pages: Record<string, Page> = {};
  const dialogs: string[] = [];
  let reference = "";
  let proceedingId = "";
  let referralId = "";
  let childReference = "";
  let premisesId = "";
  let agencies: Record<string, string> = {};

  const as = (username: string): Page => {
    const page = pages[username];
    if (!page) throw new Error(`${username} is not signed in`);
    return page;
  };
  const post = async (username: string, path: string, data: object, expected = 201) => {
    const response = await apiPost(as(username), server.url, path, data);
    expect(response.status(), `${username} POST ${path}: ${await response.text()}`).toBe(expected);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  const put = async (username: string, path: string, data: object) => {
    const page = as(username);
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const response = await page.request.put(`${server.url}${path}`, {
      data,
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(response.status(), `${username} PUT ${path}: ${await response.text()}`).toBeLessThan(300);
  };

  /**
   * Opens a page and waits until each stored text shows, literally; then nothing has run: no
   * `window.__xss`, no dialog, and the HTML document carried the policy.
   */
  const showsInert = async (
    username: string,
    path: string,
    texts: string[],
    reveal?: (page: Page) => Promise<void>,
  ) => {
    const page = as(username);
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const scripts = policy
      .split(";")
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self'");
    if (reveal) await reveal(page);
    for (const text of texts) {
      await expect
        .poll(() => page.locator("body").innerText(), {
          message: `${path} shows ${text.slice(0, 12)}`,
          timeout: 15_000,
        })
        .toContain(text);
    }
    expect(await page.evaluate<string>("typeof window.__xss")).toBe("undefined");
    expect(await page.locator("script:not([src])").count()).toBe(0);
    expect(dialogs).toEqual([]);
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const username of [
      "police",
      "police.chief",
      "shelter",
      "social",
      "hotline",
      "coordinator",
      "prosecutor",
      "admin",
      "iom",
    ]) {
      const page = await newUserPage(browser, server.url);
      page.on("dialog", (dialog) => {
        dialogs.push(`${username}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      // Outside the page's policy (an init script), so it sees what the policy blocks.
      await page.addInitScript(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.effectiveDirective));",
      );
      await login(page, username, PASSWORD);
      pages[username] = page;
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("stores hostile text in every field through the API", async () => {
    for (const page of Object.values(pages)) await inEnglish(page);
    const list = (await (await as("police").request.get(`${server.url}/api/agencies`)).json()) as {
      id: string;
      code: string;
    }[];
    agencies = Object.fromEntries(list.map((agency) => [agency.code, agency.id]));

    // The case: every identifying field and the circumstances.
    const registered = await post("police", "/api/cases", {
      person: {
        givenName: hostile("GIVEN", 100),
        familyName: hostile("FAMILY", 100),
        otherNames: hostile("OTHER", 300),
        identityNumber: hostile("IDNO", 60),
        phone: hostile("PHONE", 40),
        address: hostile("ADDRESS", 300),
        gender: "Feminine",
        birthDate: birthDateOfAge(23),
        citizenship: ["MD"],
      },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      identificationPlace: hostile("PLACE", 200),
      source: "police_raid",
      circumstances: hostile("CIRCUMSTANCES"),
    });
    reference = String(registered.reference);

    // The first interview: every account and a stage of the journey.
    await post("police", `/api/cases/${reference}/interview`, {
      interviewedAt: new Date().toISOString(),
      heldInPrivate: true,
      withInterpreter: false,
      femaleOfficerPresent: true,
      statementWillingness: "undecided",
      circumstances: { account: hostile("I-CIRC") },
      recruitment: { methods: [], account: hostile("I-RECRUIT") },
      journey: [{ type: "Transit", place: hostile("J-PLACE", 200), note: hostile("J-NOTE", 1000) }],
      control: { methods: [], account: hostile("I-CONTROL") },
      exploitation: { types: [], account: hostile("I-EXPLOIT") },
      needs: { codes: [], account: hostile("I-NEEDS") },
      risks: { level: null, account: hostile("I-RISKS") },
    });

    // A referral to the shelter with a note.
    const referral = await post("police", `/api/cases/${reference}/referrals`, {
      toAgencyId: agencies["shelter-a"],
      purpose: "service",
      service: "safe_housing",
      scopes: ["identity"],
      consent: { given: true, date: todayInKosovo(), method: "verbal", scopes: ["identity"] },
      note: hostile("REFERRAL-NOTE"),
    });
    referralId = String(referral.id);

    // A hotline contact: summary, and the caller's name with consent.
    await post("hotline", "/api/hotline/contacts", {
      channel: "call",
      language: "ro",
      callerType: "friend",
      urgency: "urgent",
      region: "prishtine",
      summary: hostile("HOTLINE-SUMMARY"),
      identifierConsent: true,
      callerName: hostile("CALLER", 200),
      phone: "+373 555 1234",
    });

    // Police intelligence: premises, its address and its owner.
    const premises = await post("police", "/api/intelligence/premises", {
      name: hostile("PREMISES", 200),
      kind: "night_bar",
      address: hostile("P-ADDRESS", 300),
      municipality: hostile("P-MUNI", 80),
      region: "prishtine",
      parties: [{ role: "owner", kind: "person", name: hostile("P-OWNER", 200) }],
    });

    premisesId = String(premises.id);

    // Coordination: a group's name, a decision's reasoning, the minutes.
    const group = await post("coordinator", "/api/coordination/groups", {
      name: hostile("GROUP", 200),
      region: "prishtine",
      agencyIds: [agencies.thbs, agencies["shelter-a"]],
    });
    const meeting = await post("coordinator", `/api/coordination/groups/${String(group.id)}/meetings`, {
      heldOn: todayInKosovo(),
    });
    const meetingId = String(meeting.id);
    const item = await post("police", `/api/coordination/meetings/${meetingId}/agenda`, { reference });
    await post(
      "police",
      `/api/coordination/meetings/${meetingId}/agenda/${String(item.id)}/decision`,
      { code: "other", text: hostile("DECISION") },
      204,
    );
    await put("coordinator", `/api/coordination/meetings/${meetingId}/minutes`, { text: hostile("MINUTES") });

    // Justice: the prosecutor's proceeding, with free-text references, the court and a defendant.
    await post(
      "police.chief",
      `/api/cases/${reference}/team`,
      { agencyId: agencies.prosecution, scopes: ["identity"] },
      200,
    );
    const proceeding = await post("prosecutor", "/api/justice/proceedings", {
      caseReference: reference,
      injuredParty: true,
      witness: true,
      stage: "investigation",
      policeCaseNumber: hostile("PCN", 60),
      prosecutorReference: hostile("PRN", 60),
      courtReference: hostile("CRN", 60),
      court: hostile("COURT", 200),
    });
    proceedingId = String(proceeding.id);
    await post("prosecutor", `/api/justice/proceedings/${proceedingId}/defendants`, {
      name: hostile("DEFENDANT", 200),
      nationality: "MD",
      role: "recruiter",
    });

    // Administration: an agency's name and a user's display name; a shelter's code name and contacts.
    const agency = await post("admin", "/api/admin/agencies", {
      code: "xss-ngo",
      name: hostile("AGENCY", 200),
      type: "ngo",
      region: "prishtine",
    });
    await post("admin", "/api/admin/users", {
      username: "xss.user",
      displayName: hostile("DISPLAY", 200),
      agencyId: agency.id,
      roles: ["case_worker"],
      language: "en",
      password: "demo-only-2026",
    });
    await post("admin", "/api/shelters", {
      agencyId: agencies["shelter-a"],
      codeName: hostile("SHELTER", 60),
      kind: "foreign_victims",
      secure: true,
      riskLevels: ["low"],
      capacity: 5,
      address: hostile("S-ADDRESS", 500),
      contacts: hostile("S-CONTACTS", 500),
    });

    // Security: the risk level's reason; an interpreter of the police unit.
    await post("police", `/api/cases/${reference}/risk-level`, {
      level: "high",
      reason: hostile("RISK-REASON", 2000),
    });
    await post("police.chief", "/api/interpreters", {
      name: hostile("INTERPRETER", 200),
      languages: ["ro"],
      availability: "available",
      phone: hostile("I-PHONE", 60),
    });

    // Assistance, by the shelter once it has accepted the referral.
    await post("shelter", `/api/referrals/${referralId}/accept`, {}, 200);
    await post("shelter", `/api/cases/${reference}/needs-assessments`, {
      needs: ["medical"],
      urgency: "urgent",
      note: hostile("NEEDS-NOTE"),
    });
    await post("shelter", `/api/cases/${reference}/services`, {
      service: "medical",
      providerName: hostile("PROVIDER", 200),
      startDate: todayInKosovo(),
      note: hostile("SERVICE-NOTE"),
    });
    await post("shelter", `/api/cases/${reference}/support-plans`, {
      type: "Health",
      objectives: hostile("OBJECTIVES"),
      actionPlan: hostile("ACTION-PLAN"),
      startDate: todayInKosovo(),
      reviewDate: addDays(todayInKosovo(), 30),
    });
    await post("shelter", `/api/cases/${reference}/reflection/extensions`, {
      newEndDate: addDays(todayInKosovo(), 120),
      reason: hostile("EXTENSION"),
    });
    await post("police", `/api/cases/${reference}/residence`, {
      action: "grant",
      grantedDate: todayInKosovo(),
      permitNumber: hostile("PERMIT", 100),
    });

    // The future: a return risk assessment and the decision's note.
    await post("police", `/api/cases/${reference}/risk-assessments`, {
      level: "high",
      factors: ["trafficker_at_large"],
      recommendation: "return_with_measures",
      assessment: hostile("RETURN-RISK"),
    });
    await post("shelter", `/api/cases/${reference}/decisions`, {
      option: "local_integration",
      note: hostile("FUTURE-NOTE"),
    });

    // A child: the guardian, the best-interests reasoning, the child's views, a parent.
    const child = await post("police", "/api/cases", {
      person: {
        givenName: hostile("CHILD", 100),
        gender: "Feminine",
        birthDate: birthDateOfAge(14),
        citizenship: ["XK"],
      },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    childReference = String(child.reference);
    const childPath = `/api/cases/${childReference}/child`;
    await post(
      "social",
      `${childPath}/guardians`,
      {
        name: hostile("GUARDIAN", 200),
        contact: hostile("G-CONTACT", 500),
        appointingBody: "court",
        decisionReference: hostile("G-DECISION", 120),
        appointedOn: todayInKosovo(),
      },
      200,
    );
    await post(
      "social",
      `${childPath}/best-interests`,
      {
        determinedOn: todayInKosovo(),
        outcome: "foster_care",
        reasoning: hostile("BEST-INTERESTS"),
        guardianPresent: true,
        childHeard: true,
      },
      200,
    );
    await post(
      "social",
      `${childPath}/views`,
      {
        heardOn: todayInKosovo(),
        inPerson: true,
        withInterpreter: false,
        guardianPresent: true,
        summary: hostile("CHILD-VIEWS"),
      },
      200,
    );
    await post(
      "social",
      `${childPath}/parents`,
      {
        relationship: "mother",
        name: hostile("PARENT", 200),
        contact: hostile("P-CONTACT", 500),
        suspectedTrafficker: false,
      },
      200,
    );

    // Intelligence beyond the premises: a closure order, an operation, a suspect; a notice of operation.
    await post(
      "police",
      `/api/intelligence/premises/${premisesId}/closures`,
      {
        orderedOn: todayInKosovo(),
        authority: hostile("AUTHORITY", 200),
      },
      200,
    );
    await post("police", "/api/intelligence/operations", {
      kind: "raid",
      conductedOn: todayInKosovo(),
      region: "prishtine",
      premisesId,
      units: hostile("UNITS", 300),
      peopleFound: 2,
      interview: {
        inPrivate: true,
        outOfSightAndHearingOfOwners: true,
        interpreter: "not_needed",
        femaleOfficerPresent: true,
      },
    });
    await post("police", "/api/intelligence/suspects", {
      kind: "person",
      name: hostile("SUSPECT", 200),
      roles: ["Transporter"],
      // Stored, but no page shows it back.
      proceedings: hostile("S-PROC", 100),
    });
    await post("police", "/api/operations", {
      plannedOn: addDays(todayInKosovo(), 7),
      region: "prishtine",
      expectedPeople: 3,
      expectedMinors: 0,
      target: hostile("TARGET", 500),
      startTime: "22:00",
    });

    // Emergency access with free text, read by the team's supervisor.
    await post("iom", "/api/break-glass", {
      reference,
      reasonCode: "other",
      reasonText: hostile("BREAKGLASS"),
    });
  });

  it("the case page shows the person, the circumstances, the referral and the emergency access as text", async () => {
    await showsInert("police", `/cases/${reference}`, [
      hostile("GIVEN", 100),
      hostile("FAMILY", 100),
      hostile("OTHER", 300),
      hostile("IDNO", 60),
      hostile("PHONE", 40),
      hostile("ADDRESS", 300),
      hostile("PLACE", 200),
      hostile("CIRCUMSTANCES"),
    ]);
    await showsInert("police.chief", `/cases/${reference}`, [hostile("BREAKGLASS")]);
  });

  it("the interview tab shows every account as text", async () => {
    await showsInert("police", `/cases/${reference}?tab=interview`, [
      hostile("I-CIRC"),
      hostile("I-RECRUIT"),
      hostile("J-PLACE", 200),
      hostile("J-NOTE", 1000),
      hostile("I-CONTROL"),
      hostile("I-EXPLOIT"),
      hostile("I-NEEDS"),
      hostile("I-RISKS"),
    ]);
  });

  it("the referral shows its note as text to the shelter", async () => {
    await showsInert("shelter", `/referrals/${referralId}`, [hostile("REFERRAL-NOTE")]);
  });

  it("the hotline shows the summary and the caller as text", async () => {
    await showsInert(
      "hotline",
      "/hotline",
      [hostile("HOTLINE-SUMMARY"), hostile("CALLER", 200)],
      async (page) => {
        await page.getByTestId("contact-show").first().click();
      },
    );
  });

  it("police intelligence shows the premises as text", async () => {
    await showsInert("police", "/intelligence", [hostile("PREMISES", 200)]);
  });

  it("coordination shows the group, the decision and the minutes as text", async () => {
    await showsInert("coordinator", "/coordination", [hostile("GROUP", 200)]);
    // The decision's reasoning is for the case team; the minutes are edited in place.
    await showsInert(
      "police",
      "/coordination",
      [hostile("GROUP", 200), hostile("DECISION")],
      async (page) => {
        await page
          .locator('[data-testid="group-row"]', { hasText: "GROUP" })
          .getByRole("button")
          .first()
          .click();
      },
    );
    await expect.poll(() => as("police").getByTestId("minutes-text").inputValue()).toBe(hostile("MINUTES"));
  });

  it("the proceeding shows the court, its references and the defendant as text", async () => {
    await showsInert("prosecutor", `/justice/${proceedingId}`, [
      hostile("PCN", 60),
      hostile("PRN", 60),
      hostile("CRN", 60),
      hostile("COURT", 200),
      hostile("DEFENDANT", 200),
    ]);
  });

  it("administration shows the agency and the user as text; the shelter board the code name", async () => {
    await showsInert("admin", "/admin", [hostile("AGENCY", 200), hostile("DISPLAY", 200)]);
    await showsInert("shelter", "/shelters", [hostile("SHELTER", 60)]);
  });

  it("the case page shows the risk level's reason; the interpreters page the interpreter", async () => {
    await showsInert("police", `/cases/${reference}`, [hostile("RISK-REASON", 2000)]);
    await showsInert("police.chief", "/interpreters", [hostile("INTERPRETER", 200), hostile("I-PHONE", 60)]);
  });

  it("the assistance tab shows needs, services, plans, the extension and the permit as text", async () => {
    await showsInert("shelter", `/cases/${reference}?tab=assistance`, [
      hostile("NEEDS-NOTE"),
      hostile("PROVIDER", 200),
      hostile("SERVICE-NOTE"),
      hostile("OBJECTIVES"),
      hostile("ACTION-PLAN"),
      hostile("EXTENSION"),
      hostile("PERMIT", 100),
    ]);
  });

  it("the future tab shows the return risk assessment and the decision's note as text", async () => {
    await showsInert("shelter", `/cases/${reference}?tab=future`, [
      hostile("RETURN-RISK"),
      hostile("FUTURE-NOTE"),
    ]);
  });

  it("the child tab shows the guardian, the best interests, the child's views and the parent as text", async () => {
    await showsInert("social", `/cases/${childReference}`, [hostile("CHILD", 100)]);
    await showsInert("social", `/cases/${childReference}?tab=child`, [
      hostile("GUARDIAN", 200),
      hostile("G-CONTACT", 500),
      hostile("G-DECISION", 120),
      hostile("BEST-INTERESTS"),
      hostile("CHILD-VIEWS"),
      hostile("PARENT", 200),
      hostile("P-CONTACT", 500),
    ]);
  });

  it("intelligence shows the closure, the operation and the suspect; operations the notice's target", async () => {
    await showsInert("police", "/intelligence", [hostile("AUTHORITY", 200)], async (page) => {
      await page
        .locator('[data-testid="premises-row"]')
        .filter({ hasText: "PREMISES" })
        .getByTestId("premises-open")
        .click();
    });
    await showsInert("police", "/intelligence", [hostile("UNITS", 300)], async (page) => {
      await page.getByTestId("intel-tab-operations").click();
      await page.getByTestId("operation-open").first().click();
    });
    await showsInert("police", "/intelligence", [hostile("SUSPECT", 200)], async (page) => {
      await page.getByTestId("intel-tab-suspects").click();
    });
    await showsInert("police", "/operations", [hostile("TARGET", 500)]);
  });

  it("the policy blocks a script injected into the page, and reports it", async () => {
    const page = as("police");
    await page.goto(`/cases/${reference}`);
    await page.getByTestId("case-reference").waitFor();
    await page.evaluate<void>(
      "const script = document.createElement('script'); script.textContent = 'window.__xss = 1'; document.body.appendChild(script);" +
        "const holder = document.createElement('div'); holder.innerHTML = '<img src=x onerror=\"window.__xss = 2\">'; document.body.appendChild(holder);",
    );
    await expect.poll(() => page.evaluate<number>("window.__violations.length")).toBeGreaterThanOrEqual(2);
    const violated = await page.evaluate<string[]>("window.__violations");
    expect(violated).toContain("script-src-elem");
    expect(violated).toContain("script-src-attr");
    expect(await page.evaluate<string>("typeof window.__xss")).toBe("undefined");
    expect(dialogs).toEqual([]);
  });
});
