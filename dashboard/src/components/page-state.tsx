import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../api/client";

const useStyles = makeStyles({
  // In a dialog's scrolling column the bar would shrink to Fluent's 36 px minimum and a long message spill over its
  // border (a refusal that names its rule and the way out runs to two lines): it keeps its height.
  errorBar: { flexShrink: 0 },
  centre: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    padding: tokens.spacingVerticalXXL,
    gap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  requestId: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

/** While a page or a part of one is loading. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.centre} role="status" aria-live="polite">
      <Spinner size="small" label={label ?? t("state.loading")} />
    </div>
  );
}

/** Nothing to show: says so, and what would fill it. */
export function Empty({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.centre}>
      <Text weight="semibold">{title ?? t("state.empty")}</Text>
      {children ? <Text className={styles.muted}>{children}</Text> : null}
    </div>
  );
}

/** A failed request: the server's localised message and, when it gave one, the request id to quote to support. */
export function ErrorBar({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const problem = problemOf(error);
  return (
    <MessageBar intent="error" layout="multiline" className={styles.errorBar}>
      <MessageBarBody>
        <MessageBarTitle>{title ?? t("state.errorTitle")}</MessageBarTitle>
        {problem.message}
        {problem.requestId ? <span className={styles.requestId}>{t("state.requestId", { id: problem.requestId })}</span> : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t("state.retry")}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  refetch: () => unknown;
}

/**
 * Renders a query's loading, error or empty state, or its data. A failed refetch (or a failed next page of a
 * list) keeps what was shown under the error: the reader still has the rows, and the retry.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const failed = query.error ? <ErrorBar error={query.error} onRetry={() => void query.refetch()} /> : null;
  if (query.data === undefined) return failed ?? <Loading />;
  return (
    <>
      {failed}
      {isEmpty?.(query.data) ? (empty ?? <Empty />) : children(query.data)}
    </>
  );
}
