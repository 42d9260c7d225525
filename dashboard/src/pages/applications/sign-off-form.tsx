import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { recordSignOff } from "../../api/applications";
import { invalidate } from "../../api/query";
import { ErrorBar } from "../../components/page-state";
import { Section } from "../../components/section";
import { MAX_SCAN_MB, readScan } from "./scan-file";
import { ScanPicker } from "./scan-picker";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "520px" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * A sign-off stage (an office without an account — seed 002's 班主任, 辅导员, 学生处, 财务处, 招生就业处,
 * 党委): the college secretary records who signed the paper form and when, with the signed page if
 * scanned (applications.recordSignOff); the application then moves on.
 */
export function SignOffForm({
  applicationId,
  version,
  stageName,
  today,
  onDone,
}: {
  applicationId: number;
  version: number;
  stageName: string;
  today: string;
  onDone: (stage: string) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [signer, setSigner] = useState("");
  // Today by default (the reference data may arrive after the form).
  const [chosenOn, setSignedOn] = useState<string | null>(null);
  const signedOn = chosenOn ?? today;
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: async () => {
      let scan: { type: "image/jpeg" | "image/png" | "application/pdf"; base64: string } | undefined;
      if (file) {
        const read = await readScan(file, t);
        if (!read.ok) throw new Error(read.message);
        scan = { type: read.type, base64: read.base64 };
      }
      return recordSignOff({ applicationId, expectedVersion: version, signer: signer.trim(), signedOn, ...(scan ? { scan } : {}) });
    },
    onSuccess: async (updated) => {
      onDone(updated.stage);
      await invalidate(queryClient, "applications", "insights");
    },
  });
  return (
    <Section title={t("journey.signOff.title", { stage: stageName })}>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate();
        }}
      >
        <Text>{t("journey.signOff.explain")}</Text>
        <Field label={t("journey.signOff.signer")} required>
          <Input value={signer} onChange={(_, d) => setSigner(d.value)} maxLength={60} />
        </Field>
        <Field label={t("journey.signOff.signedOn")} required>
          <Input type="date" value={signedOn} max={today} onChange={(_, d) => setSignedOn(d.value)} />
        </Field>
        <Field label={t("journey.signOff.scan")} hint={t("journey.scans.hint", { mb: MAX_SCAN_MB })}>
          <div>
            <ScanPicker
              label={t("journey.signOff.scan")}
              text={file ? file.name : t("journey.scans.choose")}
              onPick={async (chosen) => {
                const read = await readScan(chosen, t);
                if (!read.ok) {
                  setFile(null);
                  return setProblem(read.message);
                }
                setProblem(null);
                setFile(chosen);
              }}
            />
          </div>
        </Field>
        {problem ? (
          <MessageBar intent="error">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        ) : null}
        {record.error ? <ErrorBar error={record.error} /> : null}
        <div>
          <Button appearance="primary" type="submit" disabled={!signer.trim() || !signedOn || record.isPending}>
            {t("journey.signOff.record")}
          </Button>
        </div>
      </form>
    </Section>
  );
}
