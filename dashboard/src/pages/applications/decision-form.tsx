import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { decide, submit } from "../../api/applications";
import { problemOf } from "../../api/client";
import { invalidate } from "../../api/query";
import { ErrorBar } from "../../components/page-state";
import { Section } from "../../components/section";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

type Action = "advance" | "return" | "reject";

/**
 * The form of the one who acts now (shared nextStepFor said so): 报送 of the college's draft
 * (applications.submit), or 通过/退回/驳回 at a deciding stage (applications.decide). A stale version
 * (someone decided first) says so and offers a reload.
 */
export function DecisionForm({
  applicationId,
  version,
  mode,
  nextStageName,
  onDone,
  onReload,
}: {
  applicationId: number;
  version: number;
  mode: "submit" | "decide";
  /** Where 报送 sends it. */
  nextStageName: string;
  onDone: (stage: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>("advance");
  const [opinion, setOpinion] = useState("");
  const decision = useMutation({
    mutationFn: () =>
      mode === "submit"
        ? submit({ applicationId, expectedVersion: version })
        : decide({ applicationId, expectedVersion: version, action, opinion: opinion || undefined }),
    onSuccess: async (updated) => {
      setOpinion("");
      onDone(updated.stage);
      await invalidate(queryClient, "applications", "insights");
    },
  });
  const needsReason = mode === "decide" && (action === "return" || action === "reject");
  const conflict = decision.error && problemOf(decision.error).appCode === "application.conflict";
  return (
    <Section title={mode === "submit" ? t("journey.submit.title") : t("detail.decide")}>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          decision.mutate();
        }}
      >
        {mode === "submit" ? (
          <Text>{t("journey.submit.explain", { stage: nextStageName })}</Text>
        ) : (
          <>
            <Field label={t("bulk.action")}>
              <RadioGroup value={action} onChange={(_, d) => setAction(d.value as Action)} layout="horizontal">
                <Radio value="advance" label={t("decision.advance")} />
                <Radio value="return" label={t("decision.return")} />
                <Radio value="reject" label={t("decision.reject")} />
              </RadioGroup>
            </Field>
            <Field label={t("common.comment")} required={needsReason}>
              <Textarea value={opinion} onChange={(_, d) => setOpinion(d.value)} maxLength={2000} />
            </Field>
          </>
        )}
        {conflict ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("detail.conflictTitle")}</MessageBarTitle>
              {t("detail.conflict")} {problemOf(decision.error).message}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() => {
                  decision.reset();
                  onReload();
                }}
              >
                {t("detail.reload")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : decision.error ? (
          <ErrorBar error={decision.error} />
        ) : null}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={decision.isPending || (needsReason && !opinion.trim())}>
            {mode === "submit" ? t("decision.submit") : t(`decision.${action}`)}
          </Button>
        </div>
      </form>
    </Section>
  );
}
