import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ROLE_LABELS, ROLES, type Role } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { removeView, saveView, useSavedViews } from "../../api/views";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";
import { type ApplicationsSearch, compactSearch } from "./search";

const MORE = "more";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  roles: { display: "flex", flexDirection: "column" },
});

/** Open a saved view, save the current list as one (private or shared with roles), or delete one's own. */
export function SavedViewsBar({ search, onOpen }: { search: ApplicationsSearch; onOpen: (search: ApplicationsSearch) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { views, more, loadMore } = useSavedViews();
  const current = views.find((v) => v.id === search.view);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [roles, setRoles] = useState<Role[]>([]);
  const save = useMutation({
    mutationFn: saveView,
    onSuccess: async ({ id }) => {
      await invalidate(queryClient, "views");
      setOpen(false);
      onOpen({ ...search, view: id });
    },
  });
  const remove = useMutation({
    mutationFn: removeView,
    onSuccess: async () => {
      await invalidate(queryClient, "views");
      onOpen({ ...search, view: undefined });
    },
  });
  const { view: _view, ...state } = compactSearch(search);

  return (
    <div className={styles.bar}>
      <Field label={t("views.label")}>
        <Dropdown
          value={current?.name ?? t("views.none")}
          selectedOptions={[String(search.view ?? "")]}
          onOptionSelect={(_, d) => {
            // The last option loads the next page of views instead of opening one.
            if (d.optionValue === MORE) return loadMore();
            const view = views.find((v) => String(v.id) === d.optionValue);
            onOpen(view ? { ...(view.state as ApplicationsSearch), view: view.id } : {});
          }}
        >
          <Option value="">{t("views.none")}</Option>
          {views.map((v) => (
            <Option key={v.id} value={String(v.id)} text={v.name}>
              {v.mine ? v.name : t("views.sharedBy", { name: v.name, owner: v.ownerName })}
            </Option>
          ))}
          {more ? (
            <Option value={MORE} text={t("views.more")}>
              {t("views.more")}
            </Option>
          ) : null}
        </Dropdown>
      </Field>
      <Button
        icon={<SaveRegular />}
        onClick={() => {
          setName(current?.mine ? current.name : "");
          setRoles(current?.mine ? (current.sharedWithRoles as Role[]) : []);
          setOpen(true);
        }}
      >
        {t("views.save")}
      </Button>
      {current?.mine ? (
        <Button icon={<DeleteRegular />} aria-label={t("views.delete")} onClick={() => remove.mutate({ id: current.id })}>
          {t("views.delete")}
        </Button>
      ) : null}
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({
                ...(current?.mine ? { id: current.id } : {}),
                page: "applications",
                name,
                state: state as Record<string, string | number | boolean | string[]>,
                sharedWithRoles: roles,
              });
            }}
          >
            <DialogBody>
              <DialogTitle>{t("views.saveTitle")}</DialogTitle>
              <DialogContent>
                <Field label={t("views.name")} required>
                  <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={60} />
                </Field>
                <fieldset className={styles.roles}>
                  <legend>{t("views.shareWith")}</legend>
                  {ROLES.map((role) => (
                    <Checkbox
                      key={role}
                      label={ROLE_LABELS[role][locale]}
                      checked={roles.includes(role)}
                      onChange={(_, d) => setRoles(d.checked ? [...roles, role] : roles.filter((r) => r !== role))}
                    />
                  ))}
                </fieldset>
                {save.error ? <ErrorBar error={save.error} /> : null}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
                <Button appearance="primary" type="submit" disabled={!name.trim() || save.isPending}>
                  {t("common.save")}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {remove.error ? <ErrorBar error={remove.error} /> : null}
    </div>
  );
}
