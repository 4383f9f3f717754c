import { caseRoles, identityRoles, type Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { referrals } from "./schema";

type Referral = Pick<typeof referrals.$inferSelect, "fromAgencyId" | "toAgencyId">;

/** Those who work with the person refer: the case worker, the supervisor, the investigator. */
const referringRoles: readonly Role[] = ["case_worker", "supervisor", "police_investigator"];
/**
 * Taking on a person's case is a case worker's or supervisor's decision for the agency; a
 * prosecutor's office has prosecutors, who take it on for theirs (a voluntary return is notified
 * to the prosecution on the team, Reg. 2001/4 s. 5.1). The recipient agency is checked below.
 */
const answeringRoles: readonly Role[] = ["case_worker", "supervisor", "prosecutor"];

/** Referring is for a team agency (visibleCase checks membership) and a referring role. */
export const mayRefer = (actor: Actor) => hasRole(actor, ...referringRoles);

/** The inbox is for case roles of the receiving agency. */
export const mayReadInbox = (actor: Actor) => hasRole(actor, ...caseRoles);

/** A referral is seen by case roles of the two agencies it connects, and nobody else. */
export const maySeeReferral = (actor: Actor, referral: Referral) =>
  hasRole(actor, ...caseRoles) &&
  (actor.agencyId === referral.fromAgencyId || actor.agencyId === referral.toAgencyId);

export const mayAnswerReferral = (actor: Actor, referral: Referral) =>
  actor.agencyId === referral.toAgencyId && hasRole(actor, ...answeringRoles);

export const mayRevokeReferral = (actor: Actor, referral: Referral) =>
  actor.agencyId === referral.fromAgencyId && hasRole(actor, ...referringRoles);

/** The note may name the person: only roles that may read identifying data open it. */
export const maySeeReferralNote = (actor: Actor, referral: Referral) =>
  maySeeReferral(actor, referral) && hasRole(actor, ...identityRoles);
