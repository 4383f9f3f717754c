import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import {
  registration,
  type Session,
  startTestEnvironment,
  type TestEnvironment,
} from "../../testing/harness";
import { coordinationAgendaItems, coordinationMeetings } from "./schema";

let env: TestEnvironment;
let coordinator: Session;
let police: Session;
let social: Session;
let outsider: Session;
let admin: Session;
let policeId: string;
let socialId: string;

type Meeting = {
  id: string;
  heldOn: string;
  minutes: string | null;
  agenda: {
    id: string;
    reference: string;
    onTeam: boolean;
    decision: { code: string; text: string | null; at: string | null } | null;
  }[];
};

beforeAll(async () => {
  env = await startTestEnvironment();
  const national = await env.makeAgency({ type: "national_coordinator" });
  const unit = await env.makeAgency({ type: "police_anti_trafficking" });
  const services = await env.makeAgency({ type: "social_services" });
  const ngo = await env.makeAgency({ type: "ngo" });
  const operator = await env.makeAgency({ type: "system_operator" });
  policeId = unit.id;
  socialId = services.id;
  coordinator = await env.signIn(national.id, ["coordinator"]);
  police = await env.signIn(unit.id, ["police_investigator", "supervisor"]);
  social = await env.signIn(services.id, ["case_worker"]);
  outsider = await env.signIn(ngo.id, ["case_worker", "supervisor"]);
  admin = await env.signIn(operator.id, ["system_admin"]);
});
afterAll(() => env.close());

async function registeredCase(): Promise<string> {
  const registered = await env.as(police, { method: "POST", url: "/api/cases", payload: registration() });
  expect(registered.statusCode).toBe(201);
  return registered.json<{ reference: string }>().reference;
}

async function groupWithMeeting(): Promise<{ groupId: string; meetingId: string }> {
  const group = await env.as(coordinator, {
    method: "POST",
    url: "/api/coordination/groups",
    payload: { name: "Prizren regional group", region: "prizren", agencyIds: [policeId] },
  });
  expect(group.statusCode).toBe(201);
  const groupId = group.json<{ id: string }>().id;
  const member = await env.as(admin, {
    method: "POST",
    url: `/api/coordination/groups/${groupId}/members`,
    payload: { agencyId: socialId },
  });
  expect(member.statusCode).toBe(204);
  const meeting = await env.as(coordinator, {
    method: "POST",
    url: `/api/coordination/groups/${groupId}/meetings`,
    payload: { heldOn: "2026-03-10" },
  });
  expect(meeting.statusCode).toBe(201);
  return { groupId, meetingId: meeting.json<{ id: string }>().id };
}

const meetingsOf = async (session: Session, groupId: string) =>
  env.as(session, { method: "GET", url: `/api/coordination/groups/${groupId}/meetings` });

describe("coordination groups", () => {
  it("are seen by member agencies only, with their meetings", async () => {
    const { groupId, meetingId } = await groupWithMeeting();
    const groups = await env.as(social, { method: "GET", url: "/api/coordination/groups" });
    const mine = groups.json<{ id: string; region: string | null; members: { id: string }[] }[]>();
    const group = mine.find((row) => row.id === groupId);
    expect(group?.region).toBe("prizren");
    expect(group?.members.map((m) => m.id).sort()).toHaveLength(3);
    const meetings = await meetingsOf(social, groupId);
    expect(meetings.statusCode).toBe(200);
    expect(meetings.json<Meeting[]>().map((m) => m.id)).toEqual([meetingId]);

    const outsiderGroups = await env.as(outsider, { method: "GET", url: "/api/coordination/groups" });
    expect(outsiderGroups.json<{ id: string }[]>().some((row) => row.id === groupId)).toBe(false);
    expect((await meetingsOf(outsider, groupId)).statusCode).toBe(404);
    const intrusion = await env.as(outsider, {
      method: "POST",
      url: `/api/coordination/meetings/${meetingId}/agenda`,
      payload: { reference: "XX-0000" },
    });
    expect(intrusion.statusCode).toBe(404);
  });

  it("are set up by coordinators only, naming the bad field", async () => {
    const byPolice = await env.as(police, {
      method: "POST",
      url: "/api/coordination/groups",
      payload: { name: "National group", region: null },
    });
    expect(byPolice.statusCode).toBe(403);
    const badRegion = await env.as(coordinator, {
      method: "POST",
      url: "/api/coordination/groups",
      payload: { name: "Nowhere group", region: "atlantis" },
    });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json()).toMatchObject({ error: { code: "unknown_region", field: "region" } });
    const noName = await env.as(coordinator, {
      method: "POST",
      url: "/api/coordination/groups",
      payload: { name: " ", region: null },
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ error: { field: "name" } });
    const { meetingId } = await groupWithMeeting();
    const emptyMinutes = await env.as(coordinator, {
      method: "PUT",
      url: `/api/coordination/meetings/${meetingId}/minutes`,
      payload: { text: "" },
    });
    expect(emptyMinutes.json()).toMatchObject({ error: { field: "text" } });
  });
});

describe("a group's membership", () => {
  it("is changed by coordinators: renamed, and an agency taken out no longer sees its meetings", async () => {
    const { groupId } = await groupWithMeeting();
    const rename = (session: Session, name: string) =>
      env.as(session, { method: "PATCH", url: `/api/coordination/groups/${groupId}`, payload: { name } });
    expect((await rename(police, "Ours now")).statusCode).toBe(403);
    expect((await rename(coordinator, " ")).json()).toMatchObject({ error: { field: "name" } });
    expect((await rename(coordinator, "Prizren and Dragash group")).statusCode).toBe(204);
    const named = await env.as(social, { method: "GET", url: "/api/coordination/groups" });
    expect(named.json<{ id: string; name: string }[]>().find((g) => g.id === groupId)?.name).toBe(
      "Prizren and Dragash group",
    );

    const remove = (session: Session, agencyId: string) =>
      env.as(session, { method: "DELETE", url: `/api/coordination/groups/${groupId}/members/${agencyId}` });
    expect((await remove(social, socialId)).statusCode).toBe(403);
    expect((await remove(coordinator, socialId)).statusCode).toBe(204);
    expect((await remove(coordinator, socialId)).statusCode).toBe(404);
    expect((await meetingsOf(social, groupId)).statusCode).toBe(404);
    const groups = await env.as(social, { method: "GET", url: "/api/coordination/groups" });
    expect(groups.json<{ id: string }[]>().some((g) => g.id === groupId)).toBe(false);
    const audits = await env.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, groupId));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["coordination.group.rename", "coordination.member.remove"]),
    );
  });
});

describe("a meeting's agenda", () => {
  it("takes a case only from its case team, and seals decisions for the team", async () => {
    const { groupId, meetingId } = await groupWithMeeting();
    const reference = await registeredCase();

    // The social services are in the group but not on the case team: the case is not found.
    const notTeam = await env.as(social, {
      method: "POST",
      url: `/api/coordination/meetings/${meetingId}/agenda`,
      payload: { reference },
    });
    expect(notTeam.statusCode).toBe(404);
    const byCoordinator = await env.as(coordinator, {
      method: "POST",
      url: `/api/coordination/meetings/${meetingId}/agenda`,
      payload: { reference },
    });
    expect(byCoordinator.statusCode).toBe(404);

    const added = await env.as(police, {
      method: "POST",
      url: `/api/coordination/meetings/${meetingId}/agenda`,
      payload: { reference },
    });
    expect(added.statusCode).toBe(201);
    const itemId = added.json<{ id: string }>().id;
    const twice = await env.as(police, {
      method: "POST",
      url: `/api/coordination/meetings/${meetingId}/agenda`,
      payload: { reference },
    });
    expect(twice.statusCode).toBe(409);

    const badCode = await env.as(coordinator, {
      method: "POST",
      url: `/api/coordination/meetings/${meetingId}/agenda/${itemId}/decision`,
      payload: { code: "jail", text: "x" },
    });
    expect(badCode.json()).toMatchObject({ error: { code: "invalid_choice", field: "code" } });

    const decided = await env.as(coordinator, {
      method: "POST",
      url: `/api/coordination/meetings/${meetingId}/agenda/${itemId}/decision`,
      payload: { code: "refer", text: "Refer Drita to the Gjakovë shelter." },
    });
    expect(decided.statusCode).toBe(204);
    const minutes = await env.as(coordinator, {
      method: "PUT",
      url: `/api/coordination/meetings/${meetingId}/minutes`,
      payload: { text: "Met at the Prizren office; Drita's case discussed." },
    });
    expect(minutes.statusCode).toBe(204);

    const [item] = await env.ctx.db
      .select()
      .from(coordinationAgendaItems)
      .where(eq(coordinationAgendaItems.id, itemId));
    expect(item?.decisionCode).toBe("refer");
    expect(item?.decisionText?.toString("utf8")).not.toContain("Drita");
    const [meeting] = await env.ctx.db
      .select()
      .from(coordinationMeetings)
      .where(eq(coordinationMeetings.id, meetingId));
    expect(meeting?.minutes?.toString("utf8")).not.toContain("Drita");

    const asTeam = (await meetingsOf(police, groupId)).json<Meeting[]>()[0];
    expect(asTeam?.agenda[0]).toMatchObject({
      reference,
      onTeam: true,
      decision: { code: "refer", text: "Refer Drita to the Gjakovë shelter." },
    });
    expect(asTeam?.minutes).toBe("Met at the Prizren office; Drita's case discussed.");

    const asMember = await meetingsOf(social, groupId);
    const seen = asMember.json<Meeting[]>()[0];
    expect(seen?.agenda[0]).toMatchObject({
      reference,
      onTeam: false,
      decision: { code: "refer", text: null },
    });
    expect(asMember.body).not.toContain("Gjakov");

    const reads = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "coordination.decision_text.read"));
    expect(reads.map((row) => row.actorUserId)).toContain(police.user.id);
    expect(reads.map((row) => row.actorUserId)).not.toContain(social.user.id);
    const decisions = await env.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "coordination.decision"));
    expect(JSON.stringify(decisions.map((row) => row.detail))).not.toContain("Drita");

    const timeline = await env.as(police, { method: "GET", url: `/api/cases/${reference}/timeline` });
    expect(timeline.statusCode).toBe(200);
    const entries = timeline.json<{ items: { kind: string; action: string; detail: { code?: string } }[] }>();
    const decision = entries.items.find((entry) => entry.action === "coordination.decision");
    expect(decision).toMatchObject({ kind: "coordination", detail: { code: "refer" } });
    expect(entries.items.some((entry) => entry.action === "coordination.decision_text.read")).toBe(false);
  });
});
