import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { bulkDecide } from "../../api/applications";
import type { RouterOutputs } from "../../api/client";
import { labelsOf, useReference } from "../../api/reference";
import { LabelValueTable } from "../../components/label-value-table";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";

type Result = RouterOutputs["applications"]["bulkDecide"][number];
export type Action = "advance" | "return" | "reject";

const useStyles = makeStyles({
  results: { maxHeight: "320px", overflowY: "auto", marginTop: tokens.spacingVerticalM },
  summary: { display: "block", marginTop: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
});

export interface BulkTarget {
  id: number;
  type: string;
  name: string;
  studentNo: string;
  /** The version the reader saw: a decision on it fails if someone decided the application since. */
  version: number;
}

/**
 * 通过 / 退回 / 驳回 many applications with one comment. Each item is decided on its own (the server's
 * bulkDecide): the dialog lists every item's outcome, and "retry the failed ones" sends those again with
 * their current versions (a stale version is the usual reason: someone decided it meanwhile).
 */
export function BulkDecideDialog({
  open,
  targets,
  currentVersions,
  onClose,
  onDecided,
}: {
  open: boolean;
  targets: BulkTarget[];
  /** The versions as the server has them now (refetches the list). */
  currentVersions: (ids: number[]) => Promise<Map<number, number>>;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const labels = labelsOf(useReference().data, locale);
  const [action, setAction] = useState<Action>("advance");
  const [opinion, setOpinion] = useState("");
  const [results, setResults] = useState<Result[] | null>(null);
  const byId = new Map(targets.map((x) => [x.id, x]));
  const run = useMutation({
    mutationFn: async ({ ids, fresh }: { ids: number[]; fresh: boolean }) => {
      const versions = fresh ? await currentVersions(ids) : new Map(targets.map((x) => [x.id, x.version]));
      return bulkDecide({
        action,
        opinion: opinion || undefined,
        items: ids.map((applicationId) => ({ applicationId, expectedVersion: versions.get(applicationId) ?? 1 })),
      });
    },
    onSuccess: (out) => {
      // Keep earlier successes when retrying only the failed ones.
      setResults((before) => {
        const merged = new Map((before ?? []).map((r) => [r.applicationId, r]));
        for (const r of out) merged.set(r.applicationId, r);
        return [...merged.values()];
      });
      onDecided();
    },
  });
  const failed = results?.filter((r) => !r.ok) ?? [];
  const succeeded = (results?.length ?? 0) - failed.length;
  const close = () => {
    setResults(null);
    setOpinion("");
    onClose();
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("bulk.title", { count: targets.length })}</DialogTitle>
          <DialogContent>
            {results === null ? (
              <>
                <Field label={t("bulk.action")}>
                  <RadioGroup value={action} onChange={(_, d) => setAction(d.value as Action)} layout="horizontal">
                    <Radio value="advance" label={t("decision.advance")} />
                    <Radio value="return" label={t("decision.return")} />
                    <Radio value="reject" label={t("decision.reject")} />
                  </RadioGroup>
                </Field>
                <Field label={t("common.comment")} required={action !== "advance"}>
                  <Textarea value={opinion} onChange={(_, d) => setOpinion(d.value)} maxLength={2000} resize="vertical" />
                </Field>
              </>
            ) : (
              <>
                <Text className={styles.summary} role="status">
                  {t("bulk.summary", { ok: succeeded, failed: failed.length })}
                </Text>
                <div className={styles.results}>
                  <LabelValueTable
                    label={t("bulk.results")}
                    rows={results}
                    rowKey={(r) => r.applicationId}
                    rowProps={(r) => ({ "data-testid": `bulk-result-${r.applicationId}` })}
                    columns={[
                      { id: "id", label: t("applications.col.id"), value: (r) => r.applicationId },
                      {
                        id: "name",
                        label: t("applications.col.name"),
                        value: (r) => {
                          const target = byId.get(r.applicationId);
                          return target ? `${target.name}（${target.studentNo}）` : "";
                        },
                      },
                      {
                        id: "outcome",
                        label: t("bulk.outcome"),
                        value: (r) => {
                          const target = byId.get(r.applicationId);
                          return r.ok ? (
                            <Badge color="success" appearance="tint">
                              {t("bulk.done", { stage: target ? labels.stage(target.type, r.stage) : r.stage })}
                            </Badge>
                          ) : (
                            <span>
                              <Badge color="danger" appearance="tint">
                                {t("bulk.failed")}
                              </Badge>{" "}
                              {r.message}
                            </span>
                          );
                        },
                      },
                    ]}
                  />
                </div>
              </>
            )}
            {run.error ? <ErrorBar error={run.error} /> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{t("common.close")}</Button>
            {results === null ? (
              <Button
                appearance="primary"
                disabled={run.isPending || (action !== "advance" && !opinion.trim())}
                onClick={() => run.mutate({ ids: targets.map((x) => x.id), fresh: false })}
              >
                {t("bulk.run", { count: targets.length })}
              </Button>
            ) : failed.length ? (
              <Button
                appearance="primary"
                disabled={run.isPending}
                onClick={() => run.mutate({ ids: failed.map((r) => r.applicationId), fresh: true })}
              >
                {t("bulk.retry", { count: failed.length })}
              </Button>
            ) : null}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
