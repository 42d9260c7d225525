import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { photoProblemText } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importPhotos, type PhotoImportReport } from "../../api/photos";
import { invalidate } from "../../api/query";
import { LabelValueTable } from "../../components/label-value-table";
import { ErrorBar } from "../../components/page-state";
import { Section } from "../../components/section";
import { useLocale } from "../../i18n/use-locale";
import { ScanPicker } from "../applications/scan-picker";
import { fileBase64 } from "./photo-file";
import "./photo-words";

/** The server's bounds of one batch (services/photos/import-photos.ts PHOTO_ZIP_LIMITS). */
const ZIP_MB = 40;
const ZIP_ENTRIES = 2000;

type Entry = PhotoImportReport["entries"][number];

/**
 * 图像采集 in bulk (seed 000 六.2): the college's photo folder as a .zip, each photo named by 学号 or 身份证号; the report
 * says for each file whether it became the student's photo, and if not why — before numbering refuses for it.
 */
export function PhotoImport() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [file, setFile] = useState("");
  const run = useMutation({
    mutationFn: importPhotos,
    onSuccess: () => invalidate(queryClient, "graduation", "students"),
  });
  const why = (e: Entry) =>
    e.result === "refused"
      ? e.problems.map((p) => photoProblemText(p, locale)).join(locale === "zh-CN" ? "；" : "; ")
      : e.result === "unknown-student"
        ? t("photo.import.unknownWhy", { key: e.key })
        : "";
  return (
    <Section
      title={t("photo.import.title")}
      note={t("photo.import.note", { entries: ZIP_ENTRIES, mb: ZIP_MB })}
      actions={
        <ScanPicker
          label={t("photo.import.label")}
          text={run.isPending ? t("photo.import.running") : t("photo.import.choose")}
          accept=".zip,application/zip"
          disabled={run.isPending}
          onPick={async (picked) => {
            run.reset();
            const base64 = await fileBase64(picked, ZIP_MB);
            if (!base64) return setProblem(t("photo.tooBig", { name: picked.name, mb: ZIP_MB }));
            setProblem(null);
            setFile(picked.name);
            run.mutate({ fileName: picked.name, base64 });
          }}
        />
      }
    >
      {problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      {run.error ? <ErrorBar error={run.error} /> : null}
      {run.data ? (
        <>
          <MessageBar intent={run.data.refused + run.data.unknown + run.data.duplicate ? "warning" : "success"}>
            <MessageBarBody>{t("photo.import.done", { file, ...run.data })}</MessageBarBody>
          </MessageBar>
          <LabelValueTable
            label={t("photo.import.title")}
            rows={run.data.entries}
            rowKey={(e) => e.entry}
            columns={[
              { id: "entry", label: t("photo.import.col.entry"), value: (e) => e.entry },
              { id: "result", label: t("photo.import.col.result"), value: (e) => t(`photo.import.result.${e.result}`) },
              {
                id: "student",
                label: t("photo.import.col.student"),
                value: (e) => ("studentNo" in e ? `${e.name}（${e.studentNo}）` : "—"),
              },
              { id: "why", label: t("photo.import.col.why"), value: (e) => <Text>{why(e)}</Text> },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}
