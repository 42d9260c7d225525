import { makeStyles, Title2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "flex-end",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  title: { marginRight: "auto" },
});

/** A page's title and its filters/actions, on one line when it fits. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Title2 as="h1" className={styles.title}>
        {title}
      </Title2>
      {children}
    </div>
  );
}
