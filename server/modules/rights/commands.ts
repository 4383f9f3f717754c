import { randomUUID } from "node:crypto";
import type { LanguageCode, PersonRight } from "../../../shared/vocabulary";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Forbidden, Invalid } from "../../platform/errors";
import { visibleCase } from "../cases/queries";
import { mayRecordRightsInformation } from "./policy";
import { normalisedRights, rightsInformationIssue } from "./rules";
import { rightsInformation } from "./schema";

export interface RightsInformationInput {
  rights: PersonRight[];
  language: LanguageCode;
  withInterpreter: boolean;
  understood: boolean;
  informedAt?: Date | null | undefined;
}

/**
 * Records that the person was informed of their rights. Who informed them is the signed-in user
 * and agency, never a field of the form: the record says who stands behind it.
 */
export async function recordRightsInformation(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: RightsInformationInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordRightsInformation(actor)) throw new Forbidden();
  const now = ctx.now();
  const issue = rightsInformationIssue(input, now);
  if (issue) throw new Invalid(issue.field, issue.code);
  const rights = normalisedRights(input.rights);
  const id = randomUUID();

  return ctx.db.transaction(async (tx) => {
    await tx.insert(rightsInformation).values({
      id,
      caseId: found.id,
      rights,
      language: input.language,
      withInterpreter: input.withInterpreter,
      understood: input.understood,
      informedAt: input.informedAt ?? now,
      informedBy: actor.userId,
      agencyId: actor.agencyId,
      recordedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "rights_information.record",
      caseId: found.id,
      entity: "rights_information",
      entityId: id,
      detail: {
        reference,
        rights,
        language: input.language,
        withInterpreter: input.withInterpreter,
        understood: input.understood,
      },
    });
    return { id };
  });
}
