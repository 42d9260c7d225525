import { makeStyles, shorthands, Title2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // Fluent's Card (filled, medium) drawn by hand: its focus groupper (tabster, some 20 KB gzip) serves cards that
  // are clicked or tabbed into, and this one is neither; it would weigh on the sign-in page's first load
  // (250 KB, e2e/first-page-size.test.ts).
  card: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    maxWidth: "100%",
    boxSizing: "border-box",
    overflow: "hidden",
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // The border a high-contrast theme shows, transparent otherwise (as Card's).
    "::after": {
      position: "absolute",
      inset: 0,
      content: '""',
      pointerEvents: "none",
      ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorTransparentStroke),
      borderRadius: tokens.borderRadiusMedium,
    },
  },
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
      <div className={styles.card} style={{ width }}>
        <div className={styles.top}>
          <Title2 as="h1">{title}</Title2>
          {aside}
        </div>
        {children}
      </div>
    </main>
  );
}
