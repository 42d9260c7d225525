import { Card, CardHeader, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
});

/** A titled block of a page. */
export function Section({ title, note, actions, children }: { title: string; note?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} role="region" aria-label={title}>
      <CardHeader
        header={<Subtitle2 as="h2">{title}</Subtitle2>}
        description={note ? <Text className={styles.note}>{note}</Text> : undefined}
        action={actions ? <div>{actions}</div> : undefined}
      />
      {children}
    </Card>
  );
}
