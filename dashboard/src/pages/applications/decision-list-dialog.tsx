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
import { ErrorBar } from "../../components/page-state";
import { currentLocale } from "../../i18n/locale";
import "./applications-words";

/**
 * A 公示 or 发文 list from the selected applications: the server writes the .xlsx
 * (POST /api/export/decisions.xlsx with their ids and the list's title); the browser saves it.
 */
async function downloadDecisionList(ids: number[], title: string): Promise<void> {
  const response = await fetch("/api/export/decisions.xlsx", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", "accept-language": currentLocale(), "x-xueji-client": "dashboard" },
    body: JSON.stringify({ ids, title }),
  });
  if (!response.ok) {
    // The server refuses in plain text, in the reader's language (http/plain-refusal.ts).
    throw new Error(await response.text());
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `${title}.xlsx`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
