import { z } from "zod";
import { isoDate } from "./registration";

/**
 * What a coordination group decides on a case at a meeting (issue 4, item 4; seed 000: the
 * coordination group reviews cases). The code is shown to every member agency; the reasoning is
 * free text, readable only by the case team.
 */
export const decisionCodes = ["refer", "monitor", "close_recommended", "other"] as const;
export type DecisionCode = (typeof decisionCodes)[number];

const text = (max: number) =>
  z.string().trim().min(1, { message: "required" }).max(max, { message: "too_long" });

export const groupInput = z.strictObject({
  name: text(200),
  /** A jurisdiction region's code, or null for the national group. */
  region: z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" }).nullable(),
  agencyIds: z
    .array(z.uuid({ message: "invalid_choice" }))
    .max(100, { message: "too_long" })
    .default([]),
});
export type GroupInput = z.infer<typeof groupInput>;

/** A group's new name; its region and its meetings stay. */
export const renameInput = z.strictObject({ name: text(200) });
export type RenameInput = z.infer<typeof renameInput>;

export const memberInput = z.strictObject({ agencyId: z.uuid({ message: "invalid_choice" }) });
export type MemberInput = z.infer<typeof memberInput>;

export const meetingInput = z.strictObject({ heldOn: isoDate });
export type MeetingInput = z.infer<typeof meetingInput>;

/** A case goes on the agenda by its reference only: no name, no detail. */
export const agendaInput = z.strictObject({
  reference: z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" }),
});
export type AgendaInput = z.infer<typeof agendaInput>;

export const decisionInput = z.strictObject({
  code: z.enum(decisionCodes, { message: "invalid_choice" }),
  text: text(4000),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const minutesInput = z.strictObject({ text: text(20000) });
export type MinutesInput = z.infer<typeof minutesInput>;
