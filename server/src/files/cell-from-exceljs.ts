import type { Cell } from "@xueji/shared";

// ExcelJS hands a date-formatted number back as a Date built from the serial; undo that so the
// domain sees what Excel stored (Office.js also gives serials). 25569 = serial of 1970-01-01.
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_FORMAT = "yyyy-mm-dd";

interface RichText {
  richText: Array<{ text: string }>;
}
interface Formula {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

/** One ExcelJS cell value → the domain's plain cell: rich text joined, formulas reduced to their result. */
export function cellFromExcelJs(value: unknown): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case "string":
      return value === "" ? undefined : { value, type: "string" };
    case "number":
      return Number.isNaN(value) ? { value: "#NUM!", type: "error" } : { value, type: "number" };
    case "boolean":
      return { value, type: "boolean" };
    case "object":
      break;
    default:
      return { value: String(value), type: "string" };
  }
  if (value instanceof Date) {
    return { value: value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL, type: "number", format: DATE_FORMAT };
  }
  if ("richText" in value) return { value: (value as RichText).richText.map((r) => r.text).join(""), type: "string" };
  if ("error" in value) return { value: String((value as { error: unknown }).error), type: "error" };
  if ("formula" in value || "sharedFormula" in value || "result" in value) {
    const result = (value as Formula).result;
    // A formula whose cached result is an error comes back as { error } or as NaN.
    if (result !== null && typeof result === "object" && "error" in result) return { value: String(result.error), type: "error" };
    return cellFromExcelJs(result);
  }
  if ("text" in value) return { value: String((value as { text: unknown }).text), type: "string" };
  return undefined;
}
