import "./standing-words";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Option,
  Text,
} from "@fluentui/react-components";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { demotionFromPending, demotionPreviewQuery, type PendingItem } from "../../api/standing";
import { LabelValueTable } from "../../components/label-value-table";
import { ErrorBar, QueryState } from "../../components/page-state";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";

/**
 * 留级 → 降级（学业原因） in one action (seed 000 九; seed 004 二.2), after its preview: the grade, the class and
 * the expected graduation now and after, read from the server (the same rule the execution applies).
 */
export function DemotionDialog({ item, onClose, onCreated }: { item: PendingItem; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const preview = useQuery(demotionPreviewQuery(item.id));
  const [classId, setClassId] = useState<number | undefined>(undefined);
  const create = useMutation({ mutationFn: demotionFromPending, onSuccess: (app) => onCreated(app.id) });
  const className = (id: number | undefined) => preview.data?.classes.find((c) => c.id === id)?.name;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("demotion.title", { name: item.name })}</DialogTitle>
          <DialogContent>
            <QueryState query={preview}>
              {(p) => (
                <>
                  <Text block>{t("demotion.explain")}</Text>
                  <LabelValueTable
                    label={t("demotion.title", { name: item.name })}
                    rows={[
                      {
                        key: "grade",
                        before: t("demotion.gradeValue", { grade: p.before.grade }),
                        after: t("demotion.gradeValue", { grade: p.after.grade }),
                      },
                      {
                        key: "class",
                        before: p.before.className ?? t("demotion.noClass"),
                        after: className(classId) ?? t("demotion.byCollege"),
                      },
                      {
                        key: "expectedGraduation",
                        before: formatDate(p.before.expectedGraduationDate, locale),
                        after: formatDate(p.after.expectedGraduationDate, locale),
                      },
                    ]}
                    rowKey={(r) => r.key}
                    rowProps={(r) => ({ "data-testid": `demotion-${r.key}` })}
                    columns={[
                      { id: "item", label: t("demotion.item"), value: (r) => t(`demotion.${r.key}`) },
                      { id: "before", label: t("demotion.before"), value: (r) => r.before },
                      { id: "after", label: t("demotion.after"), value: (r) => r.after },
                    ]}
                  />
                  {p.classes.length ? (
                    <Field label={t("demotion.classLabel")} hint={t("demotion.classHint")}>
                      <Dropdown
                        value={className(classId) ?? t("demotion.byCollege")}
                        selectedOptions={[String(classId ?? "")]}
                        onOptionSelect={(_, d) => setClassId(d.optionValue ? Number(d.optionValue) : undefined)}
                      >
                        <Option value="">{t("demotion.byCollege")}</Option>
                        {p.classes.map((c) => (
                          <Option key={c.id} value={String(c.id)}>
                            {c.name}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  ) : (
                    <Text block>{t("demotion.noClasses", { grade: p.after.grade })}</Text>
                  )}
                </>
              )}
            </QueryState>
            {create.error ? <ErrorBar error={create.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t("demotion.cancel")}</Button>
            <Button
              appearance="primary"
              disabled={!preview.data || create.isPending}
              onClick={() => create.mutate({ itemId: item.id, classId })}
            >
              {t("demotion.confirm")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
