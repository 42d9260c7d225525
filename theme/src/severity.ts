import type { Severity } from "@xueji/shared";

/**
 * One colour per issue severity, the same in the dashboard's lists, the pane's list and the fills
 * the add-in puts on a worksheet's cells (Excel takes plain #RRGGBB). Light tints so the cell's own
 * text stays readable; the strong colour marks the icon and the list.
 */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: "#FDE7E9",
  warning: "#FFF4CE",
  info: "#DEECF9",
};
export const SEVERITY_STRONG: Readonly<Record<Severity, string>> = {
  error: "#A4262C",
  warning: "#8A5A00",
  info: "#1267B4",
};
