import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { PickerProps } from "./picker-props";

// Fluent's Dropdown (its listbox, positioning and focus manager) is the largest part of a page's first load,
// and a filter is used after the page is read: it comes in its own chunk, fetched as the page is drawn.
const DropdownField = lazy(() => import("./dropdown-field").then((m) => ({ default: m.DropdownField })));

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  label: { paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  box: {
    boxSizing: "border-box",
    minWidth: "250px",
    height: "32px",
    display: "flex",
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalMNudge}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** The stand-in while the dropdown's code arrives: the same label and choice, in the same place. */
function PickerStandIn({ label, text }: PickerProps) {
  const styles = useStyles();
  return (
    <div className={styles.field} aria-busy="true">
      <Text className={styles.label}>{label}</Text>
      <Text className={styles.box}>{text}</Text>
    </div>
  );
}

/** A labelled dropdown filter (college, term …). */
export function Picker(props: PickerProps) {
  return (
    <Suspense fallback={<PickerStandIn {...props} />}>
      <DropdownField {...props} />
    </Suspense>
  );
}
