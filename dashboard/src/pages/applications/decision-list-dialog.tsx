import { useTranslation } from "react-i18next";
import { client } from "../../api/client";
import { saveXlsx } from "../../api/insights";
import { ReasonDialog } from "../../components/reason-dialog";
import "./applications-words";

/** A 公示 or 发文 list from the selected applications: the server writes the .xlsx under the list's title; the browser saves it. */
async function downloadDecisionList(ids: number[], title: string): Promise<void> {
  saveXlsx(await client.exports.decisionListXlsx.mutate({ ids, title }));
}

/** Asks for the list's title (the year's by default) while `ids` are given; the dialog stays open to say it was saved. */
export function DecisionListDialog({ ids, year, onClose }: { ids: number[] | null; year: string; onClose: () => void }) {
  const { t } = useTranslation();
  if (ids === null) return null;
  return (
    <ReasonDialog
      title={t("journey.decisionList.title")}
      explain={t("journey.decisionList.hint", { count: ids.length })}
      label={t("journey.decisionList.name")}
      confirm={t("journey.decisionList.download")}
      maxLength={100}
      singleLine
      initial={t("journey.decisionList.defaultTitle", { year })}
      submit={(title) => downloadDecisionList(ids, title)}
      done={(title) => t("journey.decisionList.done", { title })}
      onClose={onClose}
    />
  );
}
