import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { deleteRecord, setRetired } from "../../api/organisation";
import { invalidate } from "../../api/query";
import { ErrorBar } from "../../components/page-state";

type Target = { entity: "college" | "major" | "class"; id: number } | { entity: "term"; code: string };

const useStyles = makeStyles({ row: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "nowrap", alignItems: "center" } });

/** After any change: the page, the checklist and every label elsewhere (reference.all feeds the pickers and the 新建用户 dialog). */
export const refreshOrganisation = (queryClient: ReturnType<typeof useQueryClient>) => invalidate(queryClient, "organisation", "reference");

/**
 * Edit, retire (or bring back) and delete a record. Deleting is for a record made by mistake: the server
 * refuses once anything names it, and the dialog then offers to retire it instead.
 */
export function RowActions({ name, target, retired, edit }: { name: string; target: Target; retired: boolean; edit: ReactElement }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const retire = useMutation({
    mutationFn: (value: boolean) => setRetired({ target, retired: value }),
    onSuccess: async () => {
      await refreshOrganisation(queryClient);
      setOpen(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteRecord({ target }),
    onSuccess: async () => {
      await refreshOrganisation(queryClient);
      setOpen(false);
    },
  });
  return (
    <div className={styles.row}>
      {edit}
      {retired ? (
        <Button size="small" onClick={() => retire.mutate(false)} disabled={retire.isPending}>
          {t("orgPage.restore")}
        </Button>
      ) : (
        <Button size="small" onClick={() => retire.mutate(true)} disabled={retire.isPending} aria-label={`${t("orgPage.retire")} ${name}`}>
          {t("orgPage.retire")}
        </Button>
      )}
      <Dialog
        open={open}
        onOpenChange={(_, d) => {
          setOpen(d.open);
          remove.reset();
        }}
      >
        <DialogTrigger disableButtonEnhancement>
          <Button size="small" appearance="subtle" aria-label={`${t("orgPage.delete")} ${name}`}>
            {t("orgPage.delete")}
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("orgPage.deleteTitle", { name })}</DialogTitle>
            <DialogContent>
              <p>{t("orgPage.deleteExplain")}</p>
              {remove.error ? <ErrorBar error={remove.error} /> : null}
              {retire.error ? <ErrorBar error={retire.error} /> : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t("orgPage.cancel")}</Button>
              </DialogTrigger>
              {remove.error && !retired ? (
                <Button appearance="primary" onClick={() => retire.mutate(true)}>
                  {t("orgPage.retire")}
                </Button>
              ) : (
                <Button appearance="primary" onClick={() => remove.mutate()} disabled={remove.isPending}>
                  {t("orgPage.delete")}
                </Button>
              )}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {retire.error && !open ? <ErrorBar error={retire.error} /> : null}
    </div>
  );
}
