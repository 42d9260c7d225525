import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useForm } from "./form-context";
import { fieldId, type Path } from "./schema";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
  description: { color: tokens.colorNeutralForeground3 },
  message: { display: "flex", gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1, alignItems: "center" },
});

/** A titled group of fields (a nested object, a table): a region named by its heading, with its own messages. */
export function Section({
  title,
  description,
  path,
  extraMessages = [],
  children,
}: {
  title: string;
  description?: string | undefined;
  path: Path;
  extraMessages?: string[];
  children: ReactNode;
}) {
  const form = useForm();
  const styles = useStyles();
  const id = fieldId(form.idPrefix, path);
  const messages = [...form.messagesAt(path), ...extraMessages];
  const level = Math.min(6, 3 + path.filter((p) => typeof p === "string").length - 1);
  return (
    // The section's id and tabIndex let the issue summary bring the reader here.
    <section className={styles.section} aria-labelledby={`${id}-title`} id={id} tabIndex={-1}>
      <Text as={`h${level}` as "h3"} weight="semibold" size={400} className={styles.heading} id={`${id}-title`}>
        {title}
      </Text>
      {description ? <Text className={styles.description}>{description}</Text> : null}
      {messages.map((m) => (
        <Text key={m} className={styles.message}>
          <ErrorCircleRegular aria-hidden /> {m}
        </Text>
      ))}
      {children}
    </section>
  );
}
