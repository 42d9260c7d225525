import { Field, makeStyles, SearchBox, Tag, TagGroup, tokens } from "@fluentui/react-components";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate, useRouter } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useReference } from "../../api/reference";
import { type StudentHit, studentSearchQuery } from "../../api/students";
import { CollegePicker } from "../../components/college-picker";
import { PageHeader } from "../../components/page-header";
import { Empty, QueryState } from "../../components/page-state";
import { VirtualTable } from "../../components/virtual-table";
import { RequirePermission } from "../../shell/require-permission";
import type { StudentsSearch } from "./search";
import { StudentCardPanel } from "./student-card-panel";

const routeApi = getRouteApi("/app/students");

const useStyles = makeStyles({
  layout: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalL, alignItems: "start" },
  single: { display: "block" },
  search: { minWidth: "320px" },
});

export function StudentsPage() {
  return (
    <RequirePermission permission="students.read">
      <Students />
    </RequirePermission>
  );
}

function Students() {
  const { t } = useTranslation();
  const styles = useStyles();
  const search = routeApi.useSearch();
  const navigate = useNavigate({ from: "/students" });
  const router = useRouter();
  const setSearch = (next: Partial<StudentsSearch>) => navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const [typed, setTyped] = useState(search.q ?? "");
  // Ask the server once typing pauses, not at every key. A link followed in the pause is where the reader went: this
  // page stays on screen until the next one has loaded, and its search must not put the address back to 学生.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (router.latestLocation.pathname !== "/students") return;
      if (typed !== (search.q ?? "")) setSearch({ q: typed || undefined });
    }, 300);
    return () => clearTimeout(timer);
  });
  const hits = useInfiniteQuery(
    studentSearchQuery(search.q ?? "", search.collegeId, { majorId: search.majorId, grade: search.grade, status: search.status }),
  );
  const reference = useReference().data;
  // The filters a count elsewhere linked with (学籍统计, 注册), each shown and removable.
  const narrowing = [
    search.majorId !== undefined && {
      key: "majorId" as const,
      text: `${t("students.major")}：${reference?.majors.find((m) => m.id === search.majorId)?.name ?? search.majorId}`,
    },
    search.grade !== undefined && { key: "grade" as const, text: `${t("students.grade")}：${search.grade}` },
    search.status !== undefined && {
      key: "status" as const,
      text: `${t("students.status")}：${t(`studentStatus.${search.status}`, { defaultValue: search.status })}`,
    },
  ].filter((f) => f !== false);
  const rows = useMemo(() => hits.data?.pages.flatMap((p) => p.items) ?? [], [hits.data]);
  const columns = useMemo<ColumnDef<StudentHit, unknown>[]>(
    () =>
      (
        [
          ["studentNo", 120, (r: StudentHit) => r.studentNo],
          ["name", 90, (r: StudentHit) => r.name],
          ["college", 150, (r: StudentHit) => r.collegeName],
          ["major", 150, (r: StudentHit) => r.majorName],
          ["grade", 70, (r: StudentHit) => r.grade],
          ["status", 90, (r: StudentHit) => t(`studentStatus.${r.status}`, { defaultValue: r.status })],
        ] as const
      ).map(([id, size, cell]) => ({
        id,
        header: t(id === "studentNo" || id === "name" || id === "college" ? `applications.col.${id}` : `students.${id}`),
        size,
        enableSorting: false,
        accessorFn: (r: StudentHit) => r,
        cell: ({ row }: { row: { original: StudentHit } }) => cell(row.original),
      })),
    [t],
  );
  return (
    <>
      <PageHeader title={t("nav.students")}>
        <Field label={t("students.searchLabel")}>
          <SearchBox
            className={styles.search}
            value={typed}
            onChange={(_, d) => setTyped(d.value)}
            placeholder={t("students.searchHint")}
          />
        </Field>
        <CollegePicker value={search.collegeId} onChange={(collegeId) => setSearch({ collegeId })} />
        {narrowing.length ? (
          <TagGroup
            aria-label={t("students.filters")}
            onDismiss={(_, d) => setSearch({ [d.value]: undefined } as Partial<StudentsSearch>)}
            data-testid="student-filters"
          >
            {narrowing.map((f) => (
              <Tag key={f.key} value={f.key} dismissible dismissIcon={{ "aria-label": t("students.removeFilter", { filter: f.text }) }}>
                {f.text}
              </Tag>
            ))}
          </TagGroup>
        ) : null}
      </PageHeader>
      <div className={search.open ? styles.layout : styles.single}>
        <div>
          <QueryState query={hits} isEmpty={() => rows.length === 0} empty={<Empty title={t("students.none")} />}>
            {() => (
              <VirtualTable
                label={t("nav.students")}
                data={rows}
                columns={columns}
                getRowId={(r) => String(r.id)}
                onRowOpen={(r) => setSearch({ open: r.studentNo })}
                hasMore={hits.hasNextPage}
                loadingMore={hits.isFetchingNextPage}
                onLoadMore={() => void hits.fetchNextPage()}
              />
            )}
          </QueryState>
        </div>
        {search.open ? <StudentCardPanel studentNo={search.open} onClose={() => setSearch({ open: undefined })} /> : null}
      </div>
    </>
  );
}
