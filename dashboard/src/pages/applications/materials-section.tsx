import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular, DocumentRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MATERIALS, type Material, requiredMaterials } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { attachScan, scanContent, type Timeline } from "../../api/applications";
import { invalidate } from "../../api/query";
import { ErrorBar } from "../../components/page-state";
import { Section } from "../../components/section";
import { useLocale } from "../../i18n/use-locale";
import { MAX_SCAN_MB, openScan, readScan } from "./scan-file";
import { ScanPicker } from "./scan-picker";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  missing: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * The materials 报送 checks (shared requiredMaterials: the type's and the reason's), each given or
 * missing, with its scans to view; while the application is the college's draft, the college uploads
 * a scan of each (which counts the material as given).
 */
export function MaterialsSection({ timeline, mayUpload }: { timeline: Timeline; mayUpload: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { application, workflow, scans } = timeline;
  const needed = requiredMaterials(workflow, application.reasonCode);
  const given = new Set(application.materials as string[]);
  const all = [...needed, ...[...given].filter((m) => !needed.includes(m as Material))] as Material[];
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async ({ material, file }: { material: Material; file: File }) => {
      const read = await readScan(file, t);
      if (!read.ok) throw new Error(read.message);
      return attachScan({ applicationId: application.id, material, fileName: file.name, scan: { type: read.type, base64: read.base64 } });
    },
    onSuccess: () => invalidate(queryClient, "applications"),
  });
  const view = useMutation({ mutationFn: (id: number) => scanContent("material", id), onSuccess: openScan });
  return (
    <Section title={t("detail.materials")}>
      {mayUpload ? <span className={styles.hint}>{t("journey.scans.hint", { mb: MAX_SCAN_MB })}</span> : null}
      <ul aria-label={t("detail.materials")} className={styles.list}>
        {all.map((m) => {
          const name = MATERIALS[m]?.[locale] ?? m;
          const mine = scans.filter((s) => s.material === m);
          return (
            <li key={m} className={mergeMissing(given.has(m), styles)}>
              <span className={styles.item}>
                {given.has(m) ? <CheckmarkRegular aria-label={t("detail.given")} /> : <DismissRegular aria-label={t("detail.missing")} />}
                {name}
                {mine.map((s) => (
                  <Button key={s.id} size="small" appearance="subtle" icon={<DocumentRegular />} onClick={() => view.mutate(s.id)}>
                    {t("journey.scans.view", { name: s.fileName })}
                  </Button>
                ))}
                {mayUpload ? (
                  <ScanPicker
                    label={t("journey.scans.upload", { material: name })}
                    text={t("journey.scans.choose")}
                    disabled={upload.isPending}
                    onPick={async (file) => {
                      const read = await readScan(file, t);
                      if (!read.ok) return setProblem(read.message);
                      setProblem(null);
                      upload.mutate({ material: m, file });
                    }}
                  />
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      {upload.isSuccess ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("journey.scans.uploaded", { name: upload.variables?.file.name })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {upload.error ? <ErrorBar error={upload.error} /> : null}
      {view.error ? <ErrorBar error={view.error} /> : null}
    </Section>
  );
}

function mergeMissing(given: boolean, styles: ReturnType<typeof useStyles>): string | undefined {
  return given ? undefined : styles.missing;
}
