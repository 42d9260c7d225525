import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { liftFreeze, type StudentCard } from "../../api/students";
import { ReasonDialog } from "../../components/reason-dialog";
import { formatDate, formatDateTime } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMay } from "../../shell/use-me";

/**
 * seed 000 六.1 “毕业生所有信息在当年的四月底之后不再进行更改及补充”: on the card of a graduate of the year, from the
 * registrar calendar's day, the freeze and — for the registrar leader — lifting it for this student with a reason.
 * Once lifted, who lifted it, when and why.
 */
export function FreezeNotice({ studentNo, freeze }: { studentNo: string; freeze: NonNullable<StudentCard["freeze"]> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mayLift = useMay("students.lift-freeze");
  const [open, setOpen] = useState(false);
  if (freeze.lift)
    return (
      <MessageBar intent="info" data-testid="freeze-lifted">
        <MessageBarBody>
          <MessageBarTitle>{t("students.freeze.liftedTitle")}</MessageBarTitle>
          {t("students.freeze.lifted", {
            by: freeze.lift.by,
            at: formatDateTime(freeze.lift.at, locale),
            reason: freeze.lift.reason,
          })}
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      <MessageBar intent="warning" data-testid="freeze-notice">
        <MessageBarBody>
          <MessageBarTitle>{t("students.freeze.title")}</MessageBarTitle>
          {t("students.freeze.explain", { from: formatDate(freeze.from, locale) })}
        </MessageBarBody>
        {mayLift ? (
          <MessageBarActions>
            <Button onClick={() => setOpen(true)}>{t("students.freeze.lift")}</Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
      {open ? <LiftDialog studentNo={studentNo} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function LiftDialog({ studentNo, onClose }: { studentNo: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ReasonDialog
      title={t("students.freeze.liftTitle", { studentNo })}
      explain={t("students.freeze.liftExplain")}
      label={t("students.freeze.reason")}
      confirm={t("students.freeze.confirm")}
      maxLength={500}
      submit={(reason) => liftFreeze({ studentNo, reason })}
      onDone={async () => {
        await invalidate(queryClient, "studentSearch");
        onClose();
      }}
      onClose={onClose}
    />
  );
}
