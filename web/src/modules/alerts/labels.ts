import { useTranslation } from "react-i18next";
import en from "./locales/en.json";

type AlertKind = keyof typeof en.alerts.kind;
const isAlertKind = (kind: string): kind is AlertKind => Object.hasOwn(en.alerts.kind, kind);

/** An alert kind's name in the interface's language; a kind without a label shows as its code. */
export function useAlertLabel() {
  const { t } = useTranslation();
  return (kind: string) => (isAlertKind(kind) ? t(`alerts.kind.${kind}`) : kind);
}
