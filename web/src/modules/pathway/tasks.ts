import { useTranslation } from "react-i18next";
import type { Pathway } from "../../../../shared/vocabulary";
import en from "../../locales/en.json";

export interface MyTask {
  id: string;
  case: { reference: string; pathway: Pathway };
  code: string;
  status: "open" | "done";
  dueAt: string;
  overdue: boolean;
  createdAt: string;
}

export interface MyWork {
  items: MyTask[];
  open: number;
  overdue: number;
}

export interface CaseTask {
  id: string;
  code: string;
  agency: string;
  dueAt: string;
  overdue: boolean;
  status: "open" | "done";
}

export const myWorkPath = "/api/tasks/mine";

type TaskCode = keyof typeof en.task;
const isTaskCode = (code: string): code is TaskCode => Object.hasOwn(en.task, code);

/** A task's name in the interface's language; a code a newer SOP added without a label shows as is. */
export function useTaskLabel() {
  const { t } = useTranslation();
  return (code: string) => (isTaskCode(code) ? t(`task.${code}`) : code);
}
