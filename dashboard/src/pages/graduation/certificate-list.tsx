import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, PrintRegular } from "@fluentui/react-icons";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CertificateFilter, type CertificateRow, certificatesQuery, downloadCertificates } from "../../api/graduation";
import { useReference } from "../../api/reference";
import { CollegePicker } from "../../components/college-picker";
import { Empty, ErrorBar, QueryState } from "../../components/page-state";
import { Picker } from "../../components/picker";
import { rowColumn } from "../../components/row-column";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { PrintCopy } from "./print-copy";
import type { GraduationSearch } from "./search";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  year: { width: "100px" },
  number: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * 学历证书名单: the certificates numbered in a year, by college, major and kind (filters in the URL), paged
 * by number; printed alone (a print copy of the whole list, the page around it hidden) and exported.
 */
export function CertificateList({ filter, onSearch }: { filter: CertificateFilter; onSearch: (next: Partial<GraduationSearch>) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const reference = useReference().data;
  const majors = (reference?.majors ?? []).filter((m) => filter.collegeId === undefined || m.collegeId === filter.collegeId);
  const list = useInfiniteQuery(certificatesQuery(filter));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const exporting = useMutation({ mutationFn: () => downloadCertificates(filter) });
  // Printing asks for every page first; the browser's dialog opens once the last has come.
  const [printWanted, setPrintWanted] = useState(false);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (!printWanted) return;
    if (hasNextPage) {
      if (!isFetchingNextPage) void fetchNextPage();
      return;
    }
    setPrintWanted(false);
    // After the print copy has rendered the last rows.
    requestAnimationFrame(() => window.print());
  }, [printWanted, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const kindName = (kind: string) => t(`gradYear.certificates.kindValue.${kind}`, { defaultValue: kind });
  const columns = useMemo<ColumnDef<CertificateRow, unknown>[]>(() => {
    const col = (id: string, size: number, cell: (r: CertificateRow) => React.ReactNode) =>
      rowColumn(id, t(`gradYear.certificates.col.${id}`), size, cell);
    return [
      col("certificateNo", 180, (r) => <span className={styles.number}>{r.certificateNo}</span>),
      col("kind", 80, (r) => t(`gradYear.certificates.kindValue.${r.kind}`)),
      col("studentNo", 110, (r) => r.studentNo),
      col("name", 80, (r) => r.name),
      col("college", 130, (r) => r.collegeName),
      col("major", 160, (r) => r.majorName),
      col("issueDate", 100, (r) => formatDate(r.issueDate, locale)),
      col("degree", 60, (r) => (r.degreeAwarded ? t("gradYear.certificates.awarded") : "—")),
      col("noticeNo", 110, (r) => r.noticeNo ?? ""),
      // seed 003 第十四条: a 结业证书 replaced by a 毕业证书 (结业换毕业) is void from that day.
      col("state", 150, (r) =>
        r.voidedOn ? t("gradYear.certificates.voided", { date: formatDate(r.voidedOn, locale) }) : t("gradYear.certificates.live"),
      ),
    ];
  }, [t, locale, styles.number]);

  const title = t("gradYear.certificates.title", { year: filter.year });
  // What the printed list is of, said on the paper: the college, the major and the kind chosen.
  const scope = [
    filter.collegeId !== undefined ? (reference?.colleges.find((c) => c.id === filter.collegeId)?.name ?? "") : "",
    majors.find((m) => m.id === filter.majorId)?.name ?? "",
    filter.kind ? kindName(filter.kind) : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const kinds = ["", "graduation", "completion"] as const;
  return (
    <div className={styles.stack}>
      <div className={styles.filters}>
        <Field label={t("gradYear.certificates.year")}>
          <Input
            className={styles.year}
            type="number"
            value={String(filter.year)}
            onChange={(_, d) => Number(d.value) >= 2000 && Number(d.value) <= 2100 && onSearch({ year: Number(d.value) })}
          />
        </Field>
        <CollegePicker value={filter.collegeId} onChange={(id) => onSearch({ collegeId: id, majorId: undefined })} />
        <Picker
          label={t("gradYear.certificates.major")}
          text={majors.find((m) => m.id === filter.majorId)?.name ?? t("common.all")}
          selected={[String(filter.majorId ?? "")]}
          options={[{ value: "", label: t("common.all") }, ...majors.map((m) => ({ value: String(m.id), label: m.name }))]}
          onSelect={(v) => onSearch({ majorId: v ? Number(v) : undefined })}
        />
        <Picker
          label={t("gradYear.certificates.kind")}
          text={filter.kind ? kindName(filter.kind) : t("common.all")}
          selected={[filter.kind ?? ""]}
          options={kinds.map((k) => ({ value: k, label: k ? kindName(k) : t("common.all") }))}
          onSelect={(v) => onSearch({ kind: v ? (v as "graduation" | "completion") : undefined })}
        />
      </div>
      {exporting.data !== undefined ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t("gradYear.exported", { count: exporting.data })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {exporting.error ? <ErrorBar error={exporting.error} /> : null}
      <Section
        title={title}
        note={t("gradYear.certificates.printNote")}
        actions={
          <div className={styles.actions}>
            <Button icon={<PrintRegular />} onClick={() => setPrintWanted(true)} disabled={printWanted || rows.length === 0}>
              {printWanted ? t("gradYear.certificates.preparing") : t("gradYear.certificates.print")}
            </Button>
            <Button icon={<ArrowDownloadRegular />} onClick={() => exporting.mutate()} disabled={exporting.isPending}>
              {t("gradYear.certificates.export")}
            </Button>
          </div>
        }
      >
        <QueryState query={list} isEmpty={() => rows.length === 0} empty={<Empty title={t("gradYear.certificates.none")} />}>
          {() => (
            <VirtualTable
              label={title}
              data={rows}
              columns={columns}
              getRowId={(r) => r.certificateNo}
              height="480px"
              hasMore={list.hasNextPage}
              loadingMore={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          )}
        </QueryState>
      </Section>
      <PrintCopy
        title={title}
        note={[scope, t("common.count", { count: rows.length })].filter(Boolean).join(" · ")}
        header={columns.map((c) => String(c.header))}
        rows={rows.map((r) => [
          r.certificateNo,
          kindName(r.kind),
          r.studentNo,
          r.name,
          r.collegeName,
          r.majorName,
          formatDate(r.issueDate, locale),
          r.degreeAwarded ? t("gradYear.certificates.awarded") : "—",
          r.noticeNo ?? "",
          r.voidedOn ? t("gradYear.certificates.voided", { date: formatDate(r.voidedOn, locale) }) : t("gradYear.certificates.live"),
        ])}
      />
    </div>
  );
}
