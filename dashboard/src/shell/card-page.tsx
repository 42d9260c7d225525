import { Card, makeStyles, Title2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { maxWidth: "100%", boxSizing: "border-box", padding: tokens.spacingHorizontalXXL },
  top: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/**
 * A page that is one card in the middle of the screen, before the app's frame is shown (signing in, a password
 * that must be changed first): its title as the page's h1, with `aside` (the language switch) beside it.
 */
export function CardPage({ title, aside, width, children }: { title: string; aside?: ReactNode; width: number; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Card className={styles.card} style={{ width }}>
        <div className={styles.top}>
          <Title2 as="h1">{title}</Title2>
          {aside}
        </div>
        {children}
      </Card>
    </main>
  );
}
