import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
} from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Passing 学位委员会: the committee is the school's and has no account (seed 001 七 “报校学位委员会审批”), so its
 * decision is recorded from the minutes — the meeting's date and number — as a paper signature is for an application.
 */
export function CommitteeDialog({
  title,
  explain,
  confirm,
  today,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  title: string;
  /** What is decided, and what the server checks (the committee's words by default). */
  explain?: string;
  confirm?: string;
  today: string;
  pending: boolean;
  error?: ReactNode;
  onClose: () => void;
  onConfirm: (committee: { decidedOn: string; meetingNo: string }) => void;
}) {
  const { t } = useTranslation();
  const [decidedOn, setDecidedOn] = useState(today);
  const [meetingNo, setMeetingNo] = useState("");
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm({ decidedOn, meetingNo: meetingNo.trim() });
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              <Text block>{explain ?? t("gradYear.committee.explain")}</Text>
              <Field label={t("gradYear.committee.decidedOn")} required>
                <Input type="date" value={decidedOn} onChange={(_, d) => setDecidedOn(d.value)} />
              </Field>
              <Field label={t("gradYear.committee.meetingNo")} required>
                <Input value={meetingNo} maxLength={60} onChange={(_, d) => setMeetingNo(d.value)} />
              </Field>
              {error}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button appearance="primary" type="submit" disabled={!decidedOn || !meetingNo.trim() || pending}>
                {confirm ?? t("gradYear.committee.confirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
