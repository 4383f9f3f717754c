/** What a case's history is made of, for the timeline's filter (issue 3, item 12). */
export const timelineKinds = [
  "registration",
  "team",
  "referral",
  "rights",
  "interview",
  "pathway",
  "task",
  "closure",
  "assistance",
  "child",
  "future",
  "alert",
  "coordination",
  "other",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
