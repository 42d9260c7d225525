import { MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { studentPhotoQuery, uploadPhoto } from "../../api/photos";
import { invalidate } from "../../api/query";
import { ErrorBar, QueryState } from "../../components/page-state";
import { useMay } from "../../shell/use-me";
import { ScanPicker } from "../applications/scan-picker";
import { fileBase64 } from "./photo-file";
import "./photo-words";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalL, alignItems: "flex-start", flexWrap: "wrap" },
  // Shown at a quarter of 480×640: the face can be recognised, the card stays short.
  image: { width: "120px", height: "160px", objectFit: "cover", border: `1px solid ${tokens.colorNeutralStroke1}` },
  empty: {
    width: "120px",
    height: "160px",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground3,
    textAlign: "center",
  },
  facts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "36em" },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The graduate photo on the student card (图像采集), with its upload for who collects the photos. */
export function StudentPhoto({ studentNo, name }: { studentNo: string; name: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const mayUpload = useMay("students.photo");
  const photo = useQuery(studentPhotoQuery(studentNo));
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: uploadPhoto,
    onSuccess: async () => {
      setDone(t("photo.uploaded", { name }));
      await invalidate(queryClient, "students");
    },
  });
  return (
    <section aria-label={t("photo.title")} className={styles.facts}>
      <Text weight="semibold">{t("photo.title")}</Text>
      <QueryState query={photo}>
        {(p) => (
          <div className={styles.row}>
            {p?.base64 ? (
              <img className={styles.image} src={`data:image/jpeg;base64,${p.base64}`} alt={t("photo.alt", { name })} />
            ) : (
              <div className={styles.empty} role="img" aria-label={t("photo.alt", { name })}>
                {p ? "JPG" : "—"}
              </div>
            )}
            <div className={styles.facts}>
              {p ? (
                <Text>
                  {t("photo.measured", { width: p.width, height: p.height, kb: (p.bytes / 1024).toFixed(1) })}
                  {" · "}
                  {p.blueBackground === null ? t("photo.notChecked") : t("photo.blue")}
                </Text>
              ) : (
                <Text>{t("photo.none")}</Text>
              )}
              <Text size={200} className={styles.hint}>
                {t("photo.requirement")}
              </Text>
              {mayUpload ? (
                <div>
                  <ScanPicker
                    label={t("photo.uploadFor", { name })}
                    text={t("photo.upload")}
                    accept=".jpg,.jpeg,image/jpeg"
                    disabled={upload.isPending}
                    onPick={async (file) => {
                      setDone(null);
                      upload.reset();
                      const base64 = await fileBase64(file, 2);
                      if (!base64) return setProblem(t("photo.tooBig", { name: file.name, mb: 2 }));
                      setProblem(null);
                      upload.mutate({ studentNo, fileName: file.name, base64 });
                    }}
                  />
                </div>
              ) : null}
              {problem ? (
                <MessageBar intent="error">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              ) : null}
              {upload.error ? <ErrorBar error={upload.error} /> : null}
              {done ? (
                <MessageBar intent="success">
                  <MessageBarBody>{done}</MessageBarBody>
                </MessageBar>
              ) : null}
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
