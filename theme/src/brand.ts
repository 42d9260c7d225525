import type { BrandVariants } from "@fluentui/react-components";

/**
 * The Xueji brand ramp: a deep academic blue (close to the 教务处 documents' ink), from darkest (10) to
 * lightest (160), as Fluent's theme designer lays a ramp out. Both the task pane and the dashboard
 * build their themes from this one ramp, so a colour never drifts between them.
 */
export const xuejiBrand: BrandVariants = {
  10: "#020305",
  20: "#111723",
  30: "#16263D",
  40: "#193253",
  50: "#1B3F6A",
  60: "#1B4C82",
  70: "#18599B",
  80: "#1267B4",
  90: "#3174C2",
  100: "#4F82C8",
  110: "#6790CF",
  120: "#7D9ED5",
  130: "#92ACDC",
  140: "#A6BAE2",
  150: "#BAC9E9",
  160: "#CED7EF",
};
