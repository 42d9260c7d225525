import { Button } from "@fluentui/react-components";
import { DocumentRegular } from "@fluentui/react-icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { scanContent, type Timeline } from "../../api/applications";
import type { RouterOutputs } from "../../api/client";
import { labelsOf, useReference } from "../../api/reference";
import { LabelValueTable } from "../../components/label-value-table";
import { ErrorBar } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDate, formatDateTime } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { openScan } from "./scan-file";

type SignOff = RouterOutputs["applications"]["signOffs"][number];

interface Row {
  key: string;
  at: string;
  by: string;
  what: string;
  opinion: React.ReactNode;
}

/**
 * 办理过程: filing, every decision (报送, 通过, 退回, 驳回, 撤回) and every paper signature the secretary
 * recorded (who signed, when, the signed page to view), in order.
 */
export function TimelineSection({ timeline, signOffs }: { timeline: Timeline; signOffs: SignOff[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = labelsOf(useReference().data, locale);
  const { application, decisions } = timeline;
  const view = useMutation({ mutationFn: (id: number) => scanContent("sign-off", id), onSuccess: openScan });
  const stage = (key: string) => labels.stage(application.type, key);
  // A sign-off decision and the signature it recorded share their stage: the row shows the signature's facts.
  const signOffAt = new Map(signOffs.map((s) => [s.stage, s]));
  const rows: Row[] = [
    { key: "filed", at: String(application.filedAt), by: timeline.filer ?? "—", what: t("detail.filed"), opinion: "" },
    ...decisions.map((d, i) => {
      const signed = d.action === "sign-off" ? signOffAt.get(d.fromStage) : undefined;
      return {
        key: `${i}-${d.fromStage}-${d.toStage}`,
        at: String(d.at),
        by: d.by,
        what: `${t(`decision.${d.action}`, { defaultValue: d.action })}: ${stage(d.fromStage)} → ${stage(d.toStage)}`,
        opinion: signed ? (
          <>
            {t("journey.signOff.row", { stage: stage(signed.stage), signer: signed.signer, date: formatDate(signed.signedOn, locale) })}
            {signed.scanType ? (
              <Button size="small" appearance="subtle" icon={<DocumentRegular />} onClick={() => view.mutate(signed.id)}>
                {t("journey.signOff.scanLink")}
              </Button>
            ) : null}
          </>
        ) : (
          (d.opinion ?? "")
        ),
      };
    }),
  ];
  return (
    <Section title={t("detail.timeline")}>
      <LabelValueTable
        label={t("detail.timeline")}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { id: "at", label: t("detail.when"), value: (r) => formatDateTime(r.at, locale) },
          { id: "by", label: t("detail.who"), value: (r) => r.by },
          { id: "what", label: t("detail.what"), value: (r) => r.what },
          { id: "opinion", label: t("common.comment"), value: (r) => r.opinion },
        ]}
      />
      {view.error ? <ErrorBar error={view.error} /> : null}
    </Section>
  );
}
