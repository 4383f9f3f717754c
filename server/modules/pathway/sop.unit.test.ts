import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agencyTypes, roles } from "../../../shared/roles";
import { pathways } from "../../../shared/vocabulary";
import { configRoot } from "../../platform/jurisdiction";
import { domainRules } from "./invariants";
import { loadSop, parseSop } from "./sop";
import { cooperationRequirements, isCooperationRequirement, requirements } from "./vocabulary";

/** The file as JSON, loose enough to break on purpose. */
interface RawTransition {
  from: string[];
  to: string;
  roles: string[];
  agencyTypes: string[];
  requires: string[];
}
interface RawTask {
  code: string;
  onEntering: string;
  due: Record<string, unknown>;
}
interface RawPathway {
  stages: string[];
  transitions: RawTransition[];
  tasks: RawTask[];
}
interface RawSop {
  reflectionPeriodDays: number;
  pathways: Record<"foreign_adult" | "domestic_adult" | "child", RawPathway>;
}

const kosovoFile = path.join(configRoot, "kosovo", "sop.json");
const kosovoJson = () => JSON.parse(fs.readFileSync(kosovoFile, "utf8")) as RawSop;

function transition(sop: RawSop, pathway: keyof RawSop["pathways"], from: string, to: string): RawTransition {
  const found = sop.pathways[pathway].transitions.find((t) => t.to === to && t.from.includes(from));
  if (!found) throw new Error(`the test expects a transition ${from} → ${to} in the ${pathway} pathway`);
  return found;
}

/** Parses the Kosovo file after a change; returns the error message, or "" when it is accepted. */
function problemAfter(change: (sop: RawSop) => void): string {
  const sop = kosovoJson();
  change(sop);
  try {
    parseSop(sop, "sop.json");
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe("the Kosovo SOP", () => {
  const sop = loadSop("kosovo");

  it("loads with its version and the settings of the issue", () => {
    expect(sop.version).toBe("kosovo-sop-2026.1");
    expect(sop.reflectionPeriodDays).toBe(90);
    expect(sop.temporaryResidenceDays).toBe(90);
    expect(sop.guardianDeadlineHours).toBe(24);
    expect(sop.policeStationMaxHours).toBe(6);
    expect(sop.followUpMonths).toEqual([3, 6, 12]);
  });

  it("has the three pathways, each from identification to closure", () => {
    for (const name of pathways) {
      expect(sop.pathways[name].stages[0]).toBe("identification");
      expect(sop.pathways[name].stages).toContain("closure");
    }
    expect(sop.pathways.foreign_adult.stages).toContain("return_and_reintegration");
    expect(sop.pathways.domestic_adult.stages).not.toContain("return_and_reintegration");
    expect(sop.pathways.child.stages).toEqual(
      expect.arrayContaining(["return_and_reintegration", "reintegration"]),
    );
  });

  it("names no requirement of cooperation with police or prosecution anywhere", () => {
    for (const name of pathways) {
      for (const t of sop.pathways[name].transitions) {
        expect(t.requires.filter(isCooperationRequirement), `${name} → ${t.to}`).toEqual([]);
      }
    }
  });

  it("gives the on-call social services a case worker and a guardian task for every child at once", () => {
    const atIdentification = sop.pathways.child.tasks.filter((t) => t.onEntering === "identification");
    for (const code of ["assign_case_worker", "appoint_guardian"]) {
      const task = atIdentification.find((t) => t.code === code);
      expect(task?.agencyType).toBe("social_services");
      expect(task?.due).toEqual({ kind: "setting", setting: "guardianDeadlineHours" });
      expect(task?.escalateTo).toContainEqual({ agencyType: "social_services", role: "supervisor" });
    }
  });
});

describe("the vocabulary of requirements", () => {
  it("has no known requirement that reads as cooperation, so the guard cannot be bypassed by a known name", () => {
    expect(requirements.filter(isCooperationRequirement)).toEqual([]);
  });
  it("recognises the listed names and renamed variants as cooperation", () => {
    for (const name of cooperationRequirements) expect(isCooperationRequirement(name)).toBe(true);
    expect(isCooperationRequirement("victim_statement_done")).toBe(true);
    expect(isCooperationRequirement("cooperates_with_prosecutor")).toBe(true);
    expect(isCooperationRequirement("risk_assessment_recorded")).toBe(false);
  });
});

describe("a broken sop.json is refused with a message naming the place", () => {
  it("accepts the shipped file unchanged (so every refusal below is caused by its change)", () => {
    expect(problemAfter(() => undefined)).toBe("");
  });

  it("names the file when it is not JSON", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-sop-"));
    fs.mkdirSync(path.join(root, "broken"));
    fs.writeFileSync(path.join(root, "broken", "sop.json"), '{ "version": ');
    expect(() => loadSop("broken", root)).toThrow(/Cannot read the SOP in .*broken[/\\]sop\.json/);
    fs.rmSync(root, { recursive: true });
  });

  it("names the file and the field when a value is wrong", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-sop-"));
    fs.mkdirSync(path.join(root, "broken"));
    const sop = kosovoJson();
    transition(sop, "child", "referral", "immediate_assistance").roles.push("janitor");
    fs.writeFileSync(path.join(root, "broken", "sop.json"), JSON.stringify(sop));
    expect(() => loadSop("broken", root)).toThrow(
      /Invalid SOP configuration in .*broken[/\\]sop\.json:\n {2}pathways\.child\.transitions\.2\.roles\.2: /,
    );
    fs.rmSync(root, { recursive: true });
  });

  it("refuses a missing file", () => {
    expect(() => loadSop("atlantis")).toThrow(/Cannot read the SOP in .*atlantis[/\\]sop\.json/);
  });

  it.each(cooperationRequirements.map((name) => [name]))(
    "refuses %s as a requirement of any step of assistance",
    (name) => {
      for (const [pathway, from, to] of [
        ["foreign_adult", "referral", "immediate_assistance"],
        ["domestic_adult", "decision_on_future", "reintegration"],
        ["child", "reflection_period", "decision_on_future"],
        ["foreign_adult", "decision_on_future", "return_and_reintegration"],
      ] as const) {
        const problem = problemAfter((sop) => transition(sop, pathway, from, to).requires.push(name));
        expect(problem).toMatch(
          new RegExp(
            `pathways\\.${pathway}\\.transitions\\.\\d+\\.requires\\.\\d+: "${name}" would make assistance depend on cooperation`,
          ),
        );
      }
    },
  );

  it("refuses a renamed cooperation requirement too", () => {
    expect(
      problemAfter((sop) =>
        transition(sop, "child", "referral", "immediate_assistance").requires.push("victim_statement_done"),
      ),
    ).toMatch(/"victim_statement_done" would make assistance depend on cooperation/);
  });

  it("refuses an unknown requirement, listing the known ones", () => {
    expect(
      problemAfter((sop) =>
        transition(sop, "child", "referral", "immediate_assistance").requires.push("paperwork_done"),
      ),
    ).toMatch(
      /pathways\.child\.transitions\.2\.requires\.1: unknown requirement "paperwork_done"; known: first_interview_recorded, /,
    );
  });

  it("refuses an unknown role and an unknown agency type", () => {
    expect(
      problemAfter((sop) =>
        transition(sop, "foreign_adult", "referral", "immediate_assistance").agencyTypes.push("embassy"),
      ),
    ).toMatch(/pathways\.foreign_adult\.transitions\.2\.agencyTypes\.4: /);
    expect(
      problemAfter((sop) =>
        transition(sop, "foreign_adult", "referral", "immediate_assistance").roles.push("janitor"),
      ),
    ).toMatch(/pathways\.foreign_adult\.transitions\.2\.roles\.2: /);
    expect(roles).not.toContain("janitor");
    expect(agencyTypes).not.toContain("embassy");
  });

  it("refuses a transition to a stage the pathway does not have", () => {
    expect(
      problemAfter(
        (sop) =>
          (transition(sop, "domestic_adult", "decision_on_future", "reintegration").to =
            "return_and_reintegration"),
      ),
    ).toMatch(
      /pathways\.domestic_adult\.transitions\.6\.to: stage "return_and_reintegration" is not a stage of this pathway/,
    );
    expect(
      problemAfter(
        (sop) => (transition(sop, "child", "referral", "immediate_assistance").to = "holding_cell"),
      ),
    ).toMatch(/pathways\.child\.transitions\.2\.to: /);
  });

  it("refuses a stage that cannot be reached from identification", () => {
    expect(
      problemAfter((sop) => {
        const p = sop.pathways.foreign_adult;
        p.transitions = p.transitions.filter((t) => t.to !== "reintegration");
      }),
    ).toMatch(
      /pathways\.foreign_adult\.stages\.7: stage "reintegration" cannot be reached from "identification"/,
    );
  });

  it("refuses a stage with no way out other than closure", () => {
    expect(
      problemAfter((sop) => {
        for (const t of sop.pathways.child.transitions) t.from = t.from.filter((s) => s !== "reintegration");
      }),
    ).toMatch(/pathways\.child\.stages\.7: stage "reintegration" is a dead end/);
  });

  it("refuses a pathway that does not start at identification or has no closure", () => {
    expect(problemAfter((sop) => sop.pathways.child.stages.reverse())).toMatch(
      /pathways\.child\.stages\.0: every pathway starts at "identification"/,
    );
    expect(
      problemAfter((sop) => {
        const p = sop.pathways.domestic_adult;
        p.stages = p.stages.filter((s) => s !== "closure");
      }),
    ).toMatch(/pathways\.domestic_adult\.stages: every pathway ends in "closure"/);
  });

  it("refuses a duplicated stage, a duplicated transition and a transition to itself", () => {
    expect(problemAfter((sop) => sop.pathways.child.stages.push("referral"))).toMatch(
      /pathways\.child\.stages\.9: stage "referral" is listed twice/,
    );
    expect(
      problemAfter((sop) =>
        sop.pathways.child.transitions.push(transition(sop, "child", "referral", "immediate_assistance")),
      ),
    ).toMatch(/a second transition referral→immediate_assistance/);
    expect(
      problemAfter((sop) =>
        transition(sop, "child", "referral", "immediate_assistance").from.push("immediate_assistance"),
      ),
    ).toMatch(/a transition from "immediate_assistance" to itself/);
  });

  it("refuses a task on a stage the pathway does not have, a duplicated task and an unclear deadline", () => {
    const firstTask = (sop: RawSop) => {
      const task = sop.pathways.domestic_adult.tasks[0];
      if (!task) throw new Error("the test expects a domestic task");
      return task;
    };
    expect(problemAfter((sop) => (firstTask(sop).onEntering = "return_and_reintegration"))).toMatch(
      /pathways\.domestic_adult\.tasks\.0\.onEntering: stage "return_and_reintegration" is not a stage of this pathway/,
    );
    expect(problemAfter((sop) => sop.pathways.domestic_adult.tasks.push(firstTask(sop)))).toMatch(
      /task "contact_ngo_case_worker" is listed twice/,
    );
    expect(
      problemAfter(
        (sop) => (firstTask(sop).due = { amount: 12, unit: "hours", setting: "guardianDeadlineHours" }),
      ),
    ).toMatch(/pathways\.domestic_adult\.tasks\.0\.due: give either "setting", or "amount" with "unit"/);
    expect(problemAfter((sop) => (firstTask(sop).due = { amount: 12 }))).toMatch(
      /tasks\.0\.due: give either/,
    );
    expect(problemAfter((sop) => (firstTask(sop).due = { amount: 0, unit: "hours" }))).toMatch(
      /tasks\.0\.due\.amount: /,
    );
  });

  it("refuses a reflection period shorter than three months", () => {
    expect(problemAfter((sop) => (sop.reflectionPeriodDays = 30))).toMatch(
      /reflectionPeriodDays: the reflection period is at least three months/,
    );
  });

  describe("refuses a file that drops a rule of DOMAIN.md", () => {
    const shipped = kosovoJson();
    const cases = domainRules.flatMap((rule) =>
      rule.pathways
        .filter((pathway) => shipped.pathways[pathway].stages.includes(rule.into))
        .map((pathway) => ({ ...rule, pathway })),
    );
    it("covers every rule on some pathway of the shipped file", () => {
      for (const rule of domainRules)
        expect(cases.some((c) => c.into === rule.into && c.requires === rule.requires)).toBe(true);
    });
    it.each(cases)("$pathway: into $into without $requires", ({ pathway, into, requires, why }) => {
      const problem = problemAfter((sop) => {
        const t = sop.pathways[pathway].transitions.find((x) => x.to === into);
        if (!t) throw new Error(`the test expects a transition into ${into}`);
        t.requires = t.requires.filter((r) => r !== requires);
      });
      expect(problem).toContain(`must include "${requires}": ${why}`);
      expect(problem).toMatch(
        new RegExp(`pathways\\.${pathway}\\.transitions\\.\\d+\\.requires: must include`),
      );
    });
  });
});
