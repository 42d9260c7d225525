import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular, DeleteRegular, EditRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { deleteDraft, type Timeline, withdraw } from "../../api/applications";
import { invalidate } from "../../api/query";
import { ErrorBar } from "../../components/page-state";
import { FileApplicationDialog } from "./file-application-dialog";

const useStyles = makeStyles({ actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" } });

type Confirm = "withdraw" | "delete" | null;

/**
 * What the filer may do to their own application before anyone decides it: edit or delete the draft,
 * or 撤回 one sent on that waits untouched at its first stage. The server checks all of it again
 * (the filer, the stage, the version) and audits each.
 */
export function DraftActions({
  timeline,
  mayWithdraw,
  onChanged,
  onDeleted,
}: {
  timeline: Timeline;
  mayWithdraw: boolean;
  onChanged: (message: string) => void;
  onDeleted: (id: number) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { application } = timeline;
  const atDraft = application.stage === "draft";
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const versioned = { applicationId: application.id, expectedVersion: application.version };
  const act = useMutation({
    mutationFn: async (what: "withdraw" | "delete") => (what === "withdraw" ? withdraw(versioned) : deleteDraft(versioned)),
    onSuccess: async (_, what) => {
      setConfirm(null);
      if (what === "delete") onDeleted(application.id);
      else onChanged(t("journey.draft.withdrawn"));
      await invalidate(queryClient, "applications", "insights");
    },
  });
  return (
    <>
      <div className={styles.actions}>
        {atDraft ? (
          <>
            <Button icon={<EditRegular />} onClick={() => setEditing(true)}>
              {t("journey.draft.edit")}
            </Button>
            <Button icon={<DeleteRegular />} onClick={() => setConfirm("delete")}>
              {t("journey.draft.delete")}
            </Button>
          </>
        ) : mayWithdraw ? (
          <Button icon={<ArrowUndoRegular />} onClick={() => setConfirm("withdraw")}>
            {t("journey.draft.withdraw")}
          </Button>
        ) : null}
      </div>
      {editing ? (
        <FileApplicationDialog
          open
          draft={timeline}
          onClose={() => setEditing(false)}
          onFiled={() => {
            setEditing(false);
            onChanged(t("journey.draft.saved"));
            void invalidate(queryClient, "applications", "insights");
          }}
        />
      ) : null}
      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {confirm === "delete"
                ? t("journey.draft.deleteTitle", { id: application.id })
                : t("journey.draft.withdrawTitle", { id: application.id })}
            </DialogTitle>
            <DialogContent>
              {confirm === "delete" ? t("journey.draft.deleteExplain") : t("journey.draft.withdrawExplain")}
              {act.error ? <ErrorBar error={act.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirm(null)}>{t("common.cancel")}</Button>
              <Button appearance="primary" disabled={act.isPending} onClick={() => confirm && act.mutate(confirm)}>
                {confirm === "delete" ? t("journey.draft.delete") : t("journey.draft.withdraw")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
