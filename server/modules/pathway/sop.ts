/**
 * A jurisdiction's Standard Operating Procedures as versioned configuration
 * (config/jurisdictions/<code>/sop.json), validated at start: changing an SOP means editing that
 * file, and a file that breaks a rule is refused with a message naming the place (issue 3, item 1).
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { agencyTypes, roles } from "../../../shared/roles";
import { type Pathway, pathways } from "../../../shared/vocabulary";
import { configRoot } from "../../platform/jurisdiction";
import { domainRules } from "./invariants";
import {
  type Duration,
  type DurationSetting,
  durationSettings,
  durationUnits,
  isCooperationRequirement,
  requirements,
  type Stage,
  stages,
} from "./vocabulary";

const stage = z.enum(stages);
const role = z.enum(roles);
const agencyType = z.enum(agencyTypes);

const requirement = z.enum(requirements, {
  error: (issue) => {
    const name = String(issue.input);
    return isCooperationRequirement(name)
      ? `"${name}" would make assistance depend on cooperation with police or prosecution, which no SOP may do (seed 002 rec. 2.6; Reg. 2001/4 s. 5.1)`
      : `unknown requirement "${name}"; known: ${requirements.join(", ")}`;
  },
});

/** A task's deadline: a fixed duration, or one of the SOP's settings (so one number changes both). */
export type Due = { kind: "fixed"; duration: Duration } | { kind: "setting"; setting: DurationSetting };

const due = z
  .strictObject({
    amount: z.number().int().positive().optional(),
    unit: z.enum(durationUnits).optional(),
    setting: z.enum(durationSettings).optional(),
  })
  .transform((value, ctx): Due => {
    const { amount, unit, setting } = value;
    if (setting !== undefined && amount === undefined && unit === undefined)
      return { kind: "setting", setting };
    if (setting === undefined && amount !== undefined && unit !== undefined)
      return { kind: "fixed", duration: { amount, unit } };
    ctx.addIssue({ code: "custom", message: 'give either "setting", or "amount" with "unit"' });
    return z.NEVER;
  });

const transition = z.strictObject({
  from: z.array(stage).min(1),
  to: stage,
  /** The actor needs one of these roles and works for an agency of one of these types. */
  roles: z.array(role).min(1),
  agencyTypes: z.array(agencyType).min(1),
  requires: z.array(requirement),
  why: z.string().min(1).optional(),
});

const task = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, "a task code is lower_snake_case"),
  onEntering: stage,
  agencyType,
  due,
  /** Who is alerted when the task is overdue. */
  escalateTo: z.array(z.strictObject({ agencyType, role })).min(1),
  /**
   * The record that does the task: when the case's facts establish it, the task is done by itself,
   * in the same transaction, so nobody is chased for work already recorded.
   */
  doneWhen: requirement.optional(),
  why: z.string().min(1).optional(),
});

const pathwaySop = z.strictObject({
  /** In order; the first is where every case starts. */
  stages: z.array(stage).min(2),
  transitions: z.array(transition).min(1),
  tasks: z.array(task),
});

const positiveInt = z.number().int().positive();

const sopSchema = z
  .strictObject({
    /** Recorded on each case, so a case is always read against the procedures it followed. */
    version: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "a version is lower case, e.g. kosovo-sop-2026.1"),
    /** Seed 002 rec. 2.11 iv: at least three months to decide on the future. */
    reflectionPeriodDays: positiveInt.min(
      90,
      "the reflection period is at least three months (seed 002 rec. 2.11 iv)",
    ),
    /** Foreign victims' temporary stay (Tirana statement; seed 002 rec. 2.11 iii). */
    temporaryResidenceDays: positiveInt,
    guardianDeadlineHours: positiveInt,
    policeStationMaxHours: positiveInt,
    followUpMonths: z
      .array(positiveInt)
      .min(1)
      .refine(
        (months) => months.every((m, i) => i === 0 || m > (months[i - 1] ?? 0)),
        "follow-up months are in increasing order",
      ),
    pathways: z.strictObject({ foreign_adult: pathwaySop, domestic_adult: pathwaySop, child: pathwaySop }),
  })
  .superRefine((sop, ctx) => {
    for (const name of pathways) checkPathway(name, sop.pathways[name], ctx);
  });

export type Sop = z.output<typeof sopSchema>;
export type PathwaySop = Sop["pathways"][Pathway];
export type Transition = PathwaySop["transitions"][number];
export type Task = PathwaySop["tasks"][number];

type Context = z.RefinementCtx;

/** Cross-checks the schema cannot express; each issue names the place in the file. */
function checkPathway(name: Pathway, sop: z.output<typeof pathwaySop>, ctx: Context): void {
  const at = (...rest: (string | number)[]) => ["pathways", name, ...rest];
  const issue = (where: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path: where, message });
  const known = new Set<Stage>(sop.stages);

  sop.stages.forEach((s, i) => {
    if (sop.stages.indexOf(s) !== i) issue(at("stages", i), `stage "${s}" is listed twice`);
  });
  if (sop.stages[0] !== "identification")
    issue(at("stages", 0), 'every pathway starts at "identification" (DOMAIN.md)');
  if (!known.has("closure")) issue(at("stages"), 'every pathway ends in "closure" (DOMAIN.md)');

  const pairs = new Set<string>();
  sop.transitions.forEach((t, i) => {
    if (!known.has(t.to)) issue(at("transitions", i, "to"), `stage "${t.to}" is not a stage of this pathway`);
    t.from.forEach((from, j) => {
      if (!known.has(from))
        issue(at("transitions", i, "from", j), `stage "${from}" is not a stage of this pathway`);
      if (from === t.to) issue(at("transitions", i, "from", j), `a transition from "${from}" to itself`);
      const pair = `${from}→${t.to}`;
      if (pairs.has(pair)) issue(at("transitions", i), `a second transition ${pair}`);
      pairs.add(pair);
    });
    for (const rule of domainRules) {
      if (rule.into === t.to && rule.pathways.includes(name) && !t.requires.includes(rule.requires)) {
        issue(at("transitions", i, "requires"), `must include "${rule.requires}": ${rule.why}`);
      }
    }
  });

  const reachable = reachableStages(sop);
  sop.stages.forEach((s, i) => {
    if (!reachable.has(s))
      issue(at("stages", i), `stage "${s}" cannot be reached from "${sop.stages[0] ?? ""}"`);
    if (s !== "closure" && !sop.transitions.some((t) => t.from.includes(s))) {
      issue(at("stages", i), `stage "${s}" is a dead end: no transition leads out of it`);
    }
  });

  const codes = new Set<string>();
  sop.tasks.forEach((t, i) => {
    if (!known.has(t.onEntering))
      issue(at("tasks", i, "onEntering"), `stage "${t.onEntering}" is not a stage of this pathway`);
    if (codes.has(t.code)) issue(at("tasks", i, "code"), `task "${t.code}" is listed twice`);
    codes.add(t.code);
  });
}

function reachableStages(sop: z.output<typeof pathwaySop>): Set<Stage> {
  const first = sop.stages[0];
  const seen = new Set<Stage>(first ? [first] : []);
  const queue = [...seen];
  for (let current = queue.shift(); current; current = queue.shift()) {
    for (const t of sop.transitions) {
      if (t.from.includes(current) && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

/** Validates parsed JSON; `source` names the file in the message. */
export function parseSop(json: unknown, source: string): Sop {
  const result = sopSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("\n");
    throw new Error(`Invalid SOP configuration in ${source}:\n${problems}`);
  }
  return result.data;
}

/** Loads and validates config/jurisdictions/<code>/sop.json, failing at start with a clear message. */
export function loadSop(jurisdictionCode: string, root = configRoot): Sop {
  const file = path.join(root, jurisdictionCode, "sop.json");
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `Cannot read the SOP in ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseSop(json, file);
}

const loaded = new Map<string, Sop>();

/** The jurisdiction's SOP, loaded and validated once per process. */
export function sopFor(jurisdictionCode: string): Sop {
  const known = loaded.get(jurisdictionCode);
  if (known) return known;
  const sop = loadSop(jurisdictionCode);
  loaded.set(jurisdictionCode, sop);
  return sop;
}
