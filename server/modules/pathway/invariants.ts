import { type Pathway, pathways } from "../../../shared/vocabulary";
import type { Requirement, Stage } from "./vocabulary";

/**
 * Rules of DOMAIN.md that hold in every jurisdiction: an SOP file may add requirements, never drop
 * these. The loader refuses a file in which any transition into `into` on one of `pathways` lacks
 * `requires`.
 */
export interface DomainRule {
  pathways: readonly Pathway[];
  into: Stage;
  requires: Requirement;
  why: string;
}

export const domainRules: readonly DomainRule[] = [
  {
    pathways,
    into: "closure",
    requires: "supervisor_approval",
    why: "closure is approved by a supervisor (DOMAIN.md, The pathway, 8)",
  },
  {
    pathways,
    into: "closure",
    requires: "outcome_recorded",
    why: "closure is recorded with its outcome (DOMAIN.md, The pathway, 8)",
  },
  {
    pathways,
    into: "return_and_reintegration",
    requires: "risk_assessment_recorded",
    why: "before any return a risk assessment is recorded: non-refoulement (seed 002)",
  },
  {
    pathways: ["child"],
    into: "return_and_reintegration",
    requires: "best_interests_determination",
    why: "a child's return follows a best-interests determination (seed 002, CRC art. 3(1))",
  },
  {
    pathways: ["child"],
    into: "reintegration",
    requires: "best_interests_determination",
    why: "a child's placement follows a best-interests determination (seed 002, CRC art. 3(1))",
  },
];
