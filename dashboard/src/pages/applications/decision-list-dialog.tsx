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
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client } from "../../api/client";
import { saveXlsx } from "../../api/insights";
import { ErrorBar } from "../../components/page-state";
import "./applications-words";

/** A 公示 or 发文 list from the selected applications: the server writes the .xlsx under the list's title; the browser saves it. */
async function downloadDecisionList(ids: number[], title: string): Promise<void> {
  saveXlsx(await client.exports.decisionListXlsx.mutate({ ids, title }));
}

export function DecisionListDialog({ ids, year, onClose }: { ids: number[] | null; year: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const shown = title || t("journey.decisionList.defaultTitle", { year });
  const download = useMutation({ mutationFn: () => downloadDecisionList(ids ?? [], shown.trim()) });
  return (
    <Dialog
      open={ids !== null}
      onOpenChange={(_, d) => {
        if (!d.open) {
          download.reset();
          onClose();
        }
      }}
    >
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            download.mutate();
          }}
        >
          <DialogBody>
            <DialogTitle>{t("journey.decisionList.title")}</DialogTitle>
            <DialogContent>
              <Text block>{t("journey.decisionList.hint", { count: ids?.length ?? 0 })}</Text>
              <Field label={t("journey.decisionList.name")} required>
                <Input value={shown} onChange={(_, d) => setTitle(d.value)} maxLength={100} />
              </Field>
              {download.isSuccess ? <Text block>{t("journey.decisionList.done", { title: shown })}</Text> : null}
              {download.error ? <ErrorBar error={download.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button appearance="primary" type="submit" disabled={!shown.trim() || download.isPending}>
                {t("journey.decisionList.download")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
