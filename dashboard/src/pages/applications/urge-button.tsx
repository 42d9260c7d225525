import { Button, Text } from "@fluentui/react-components";
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
    },
  },
  true,
  false,
);

/** 催办: the registrar's button on an overdue application; one reminder now to whoever acts on it. */
export function UrgeButton({ application, today }: { application: ApplicationDates & { id: number }; today: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const may = useMay("applications.urge");
  const urge = useMutation({ mutationFn: urgeApplication, onSuccess: () => invalidate(queryClient, "notifications") });
  if (!may || !today || !isOverdue(application, today)) return null;
  const result = urge.data;
  const said = urge.error
    ? problemOf(urge.error).message
    : result
      ? result.queued === 0
        ? result.already
          ? t("urge.already")
          : t("urge.nobody")
        : t(result.sent > 0 ? "urge.sent" : "urge.queued", { names: result.reminded.join("、") })
      : null;
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
