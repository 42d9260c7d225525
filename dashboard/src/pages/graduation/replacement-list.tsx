import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { DEFAULT_WORKFLOWS, mayIssueDocument, stageLabel } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationRow, applicationsQuery } from "../../api/applications";
import { Empty, QueryState } from "../../components/page-state";
import { Section } from "../../components/section";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMe } from "../../shell/use-me";
import { ReplacementPaper } from "./replacement-paper";

const useStyles = makeStyles({
  table: { tableLayout: "auto" },
  nowrap: { whiteSpace: "nowrap" },
  more: { marginTop: tokens.spacingVerticalS },
});

/** Every 补发毕业证明书 application, newest first, with where it stands; once 办理 has numbered its 证明书, it prints. */
export function ReplacementList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const me = useMe();
  const list = useInfiniteQuery(applicationsQuery({ type: "certificate-replacement" }));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [printing, setPrinting] = useState<ApplicationRow | null>(null);
  const title = t("gradYear.replacement.listTitle");
  const where = (r: ApplicationRow) =>
    r.state === "open"
      ? stageLabel(DEFAULT_WORKFLOWS["certificate-replacement"], r.stage, locale)
      : t(`gradYear.replacement.state.${r.state}`);
  return (
    <Section title={title} note={t("gradYear.replacement.listNote")}>
      <QueryState query={list} isEmpty={() => rows.length === 0} empty={<Empty title={t("gradYear.replacement.none")} />}>
        {() => (
          <>
            <Table size="small" className={styles.table} aria-label={title}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("gradYear.replacement.col.id")}</TableHeaderCell>
                  <TableHeaderCell>{t("gradYear.certificates.col.studentNo")}</TableHeaderCell>
                  <TableHeaderCell>{t("gradYear.certificates.col.name")}</TableHeaderCell>
                  <TableHeaderCell>{t("gradYear.certificates.col.college")}</TableHeaderCell>
                  <TableHeaderCell>{t("gradYear.replacement.col.filedAt")}</TableHeaderCell>
                  <TableHeaderCell>{t("gradYear.replacement.col.stage")}</TableHeaderCell>
                  <TableHeaderCell>{t("gradYear.replacement.col.actions")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <Link to="/applications/$id" params={{ id: String(r.id) }}>
                        {t("gradYear.replacement.openId", { id: r.id })}
                      </Link>
                    </TableCell>
                    <TableCell className={styles.nowrap}>{r.studentNo}</TableCell>
                    <TableCell className={styles.nowrap}>{r.name}</TableCell>
                    <TableCell>{r.collegeName}</TableCell>
                    <TableCell className={styles.nowrap}>{formatDate(r.filedAt.slice(0, 10), locale)}</TableCell>
                    <TableCell>{where(r)}</TableCell>
                    <TableCell className={styles.nowrap}>
                      {r.executedOn !== null && mayIssueDocument(me.role, "replacement") ? (
                        <Button
                          size="small"
                          icon={<PrintRegular />}
                          aria-label={t("gradYear.replacement.printFor", { name: r.name })}
                          onClick={() => setPrinting(r)}
                        >
                          {t("gradYear.replacement.print")}
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {list.hasNextPage ? (
              <Button className={styles.more} disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t("gradYear.replacement.more")}
              </Button>
            ) : null}
          </>
        )}
      </QueryState>
      {printing ? <ReplacementPaper key={printing.id} studentNo={printing.studentNo} name={printing.name} /> : null}
      {list.isFetching && !list.isPending ? (
        <MessageBar>
          <MessageBarBody>{t("gradYear.replacement.refreshing")}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}
