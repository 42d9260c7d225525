import { Button, Text, tokens } from "@fluentui/react-components";
import { AlertUrgentRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApplicationDates, isOverdue } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../api/client";
import { urgeApplication } from "../../api/notifications";
import { invalidate } from "../../api/query";
import { i18n } from "../../i18n";
import { useMay } from "../../shell/use-me";

i18n.addResourceBundle(
  "zh-CN",
  "translation",
  {
    urge: {
      button: "催办",
      sent: "已提醒 {{names}}。",
      queued: "已提醒 {{names}}（稍后送达）。",
      already: "一小时内已催办过，未重复发送。",
      nobody: "该环节没有可提醒的人，或其单位未设置通知渠道。",
      rowLabel: "催办 {{name}} 的申请（{{id}} 号）",
      ofRow: "{{id}} 号申请（{{name}}）：{{said}}",
    },
  },
  true,
  false,
);
i18n.addResourceBundle(
  "en",
  "translation",
  {
    urge: {
      button: "Remind now",
      sent: "Reminded {{names}}.",
      queued: "Reminded {{names}} (on its way).",
      already: "Reminded within the hour already; not sent again.",
      nobody: "Nobody to remind at this stage, or their office has no notification channel.",
      rowLabel: "Remind about {{name}}'s application (no. {{id}})",
      ofRow: "Application no. {{id}} ({{name}}): {{said}}",
    },
  },
  true,
  false,
);

type Urged = ApplicationDates & { id: number };

/**
 * What a 催办 said and how the page shows it: success only when a reminder went out; a reminder already sent
 * within the hour is news, not a success (nothing was sent), and nobody to remind is a warning.
 */
export interface UrgeSaid {
  text: string;
  intent: "success" | "info" | "warning" | "error";
}
type UrgeResult = { queued: number; sent: number; already: boolean; reminded: string[] };
const intentOf = (result: UrgeResult): UrgeSaid["intent"] => (result.queued > 0 ? "success" : result.already ? "info" : "warning");

/**
 * 催办: the registrar's button on an overdue application; one reminder now to whoever acts on it. On the
 * application page it says the outcome beside itself; in a list row (`row`: whose application it is) it is
 * small and hands the outcome to the page (`onSaid`), as a row has no room for it and a click must not open
 * the row.
 */
export function UrgeButton({
  application,
  today,
  row,
  onSaid,
}: {
  application: Urged;
  today: string;
  row?: { name: string };
  onSaid?: (said: UrgeSaid) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const may = useMay("applications.urge");
  const outcome = (result: UrgeResult) =>
    result.queued === 0
      ? result.already
        ? t("urge.already")
        : t("urge.nobody")
      : t(result.sent > 0 ? "urge.sent" : "urge.queued", { names: result.reminded.join("、") });
  const urge = useMutation({
    mutationFn: urgeApplication,
    onSuccess: () => invalidate(queryClient, "notifications"),
    onSettled: (result, error) => {
      if (!onSaid || !row) return;
      const said = error ? problemOf(error).message : result ? outcome(result) : "";
      const intent = error || !result ? "error" : intentOf(result);
      onSaid({ text: t("urge.ofRow", { id: application.id, name: row.name, said }), intent });
    },
  });
  if (!may || !today || !isOverdue(application, today)) return null;
  const said = urge.error ? problemOf(urge.error).message : urge.data ? outcome(urge.data) : null;
  if (row)
    return (
      <Button
        size="small"
        // Beside the deadline in its cell: the gap is the button's, so a row that is not overdue has no trailing space.
        style={{ marginInlineStart: tokens.spacingHorizontalS }}
        icon={<AlertUrgentRegular />}
        disabled={urge.isPending}
        aria-label={t("urge.rowLabel", { id: application.id, name: row.name })}
        onClick={(e) => {
          // The row opens the application on a click; this click is the button's.
          e.stopPropagation();
          urge.mutate({ applicationId: application.id });
        }}
        data-testid={`urge-${application.id}`}
      >
        {t("urge.button")}
      </Button>
    );
  return (
    <>
      <Button
        icon={<AlertUrgentRegular />}
        disabled={urge.isPending}
        onClick={() => urge.mutate({ applicationId: application.id })}
        data-testid="urge"
      >
        {t("urge.button")}
      </Button>
      {said ? (
        <Text role="status" data-testid="urge-result">
          {said}
        </Text>
      ) : null}
    </>
  );
}
