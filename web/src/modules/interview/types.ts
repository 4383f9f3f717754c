import type {
  InterviewSection,
  JourneyEventType,
  RecruitmentMethod,
  RiskLevel,
  StatementWillingness,
} from "../../../../shared/interview";
import type {
  AssistanceService,
  ControlMethod,
  ExploitationType,
  LanguageCode,
} from "../../../../shared/vocabulary";

export interface JourneyEvent {
  type: JourneyEventType;
  date: string | null;
  dateApproximate: boolean;
  country: string | null;
  place: string | null;
  note: string | null;
}

/** The first interview as GET /api/cases/:reference/interview gives it; withheld sections are null. */
export interface FirstInterview {
  id: string;
  revision: number;
  interviewedAt: string;
  interviewedBy: { id: string; name: string };
  agency: { id: string; name: string };
  recordedAt: string;
  updatedAt: string;
  updatedBy: { id: string; name: string };
  conduct: {
    heldInPrivate: boolean;
    withInterpreter: boolean;
    interpreterLanguage: LanguageCode | null;
    femaleOfficerPresent: boolean;
    statementWillingness: StatementWillingness;
  } | null;
  circumstances: { account: string | null } | null;
  recruitment: { methods: RecruitmentMethod[]; account: string | null } | null;
  journey: JourneyEvent[] | null;
  control: { methods: ControlMethod[]; account: string | null } | null;
  exploitation: { types: ExploitationType[]; account: string | null } | null;
  needs: { codes: AssistanceService[]; account: string | null } | null;
  risks: { level: RiskLevel | null; account: string | null } | null;
  withheld: InterviewSection[];
}

export interface InterviewView {
  record: FirstInterview | null;
  mayRecord: boolean;
  mayCorrect: boolean;
}
