import { mayBreakGlassAs } from "../../../shared/breakglass";
import { type Actor, hasRole } from "../../platform/auth/actor";

/** Who may break glass at all: shared/breakglass.ts, where the web hides the form by the same rule. */
export const mayBreakGlass = (actor: Actor) => mayBreakGlassAs(actor.roles, actor.agencyType);

/** The list of emergency accesses is the auditors'. */
export const mayListBreakGlass = (actor: Actor) => hasRole(actor, "auditor");

/** Whoever holds the access may end it; so may a supervisor of an agency on the case team. */
export const mayEndBreakGlass = (actor: Actor, grant: { userId: string }, supervisesTeamAgency: boolean) =>
  grant.userId === actor.userId || (supervisesTeamAgency && hasRole(actor, "supervisor"));
