import { makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

/**
 * Drawn as Fluent's filled Card (background, radius, shadow 4, a transparent 1px stroke for high contrast)
 * without its component: a Section is never clicked or selected, and Card brings its focus manager and
 * 20 KB of selectable-card styles into every page's first load.
 */
const useStyles = makeStyles({
  card: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    overflow: "hidden",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
    "::after": {
      content: '""',
      position: "absolute",
      inset: 0,
      pointerEvents: "none",
      border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  header: { display: "flex", alignItems: "center", gap: "12px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3 },
});

/** A titled block of a page. */
export function Section({ title, note, actions, children }: { title: string; note?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.card} aria-label={title}>
      <div className={styles.header}>
        <div className={styles.titles}>
          <Subtitle2 as="h2">{title}</Subtitle2>
          {note ? <Text className={styles.note}>{note}</Text> : null}
        </div>
        {actions ? <div>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
