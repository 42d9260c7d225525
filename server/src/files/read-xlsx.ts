import { AppError, type Cell, type GridRow } from "@xueji/shared";
import { FILE_LIMITS } from "./limits";
import { isDateFormat, readCellFormats, readSharedStrings, readSheetList } from "./workbook-parts";
import { xmlEvents } from "./xml-events";
import { openZip } from "./zip-parts";

export interface WorksheetRows {
  /** The name on the worksheet's tab. */
  name: string;
  rows: AsyncIterable<GridRow>;
}

/**
 * Streams an .xlsx worksheet by worksheet, row by row, so a 50,000-row roster never sits in memory
 * as a workbook. The zip and the XML are read here, under FILE_LIMITS, rather than by a workbook
 * library: each part's size is checked as declared and as inflated, a DOCTYPE is refused, and cells
 * are placed by their `r` reference or, where that optional attribute is missing, by their order.
 */
export async function* readXlsx(file: string): AsyncGenerator<WorksheetRows> {
  const zip = await openZip(file);
  try {
    const { sheets, date1904 } = await readSheetList(zip, file);
    const strings = await readSharedStrings(zip, file);
    const formats = await readCellFormats(zip, file);
    for (const sheet of sheets) {
      yield {
        name: sheet.name,
        rows: rowsOf(zip.open(sheet.part, FILE_LIMITS.worksheetBytes), {
          file,
          sheet: sheet.name,
          part: sheet.part,
          strings,
          formats,
          date1904,
        }),
      };
    }
  } finally {
    zip.close();
  }
}

interface SheetContext {
  file: string;
  sheet: string;
  part: string;
  strings: readonly string[];
  formats: ReadonlyArray<string | undefined>;
  /** Serials count from 1904-01-01: the domain reads 1900-system serials, so dates are shifted. */
  date1904: boolean;
}

interface OpenCell {
  index: number;
  type: string;
  style: number;
  value: string[];
  inline: string[];
  formula?: true;
}

async function* rowsOf(chunks: AsyncIterable<Buffer>, context: SheetContext): AsyncGenerator<GridRow> {
  let rowNumber = 0;
  let cells: Array<Cell | undefined> = [];
  let nextColumn = 0;
  let cell: OpenCell | null = null;
  let textInto: string[] | null = null;
  let phonetic = 0;
  for await (const event of xmlEvents(chunks, { file: context.file, part: context.part, sheet: context.sheet })) {
    if (event.type === "text") {
      if (textInto && phonetic === 0) textInto.push(event.text);
      continue;
    }
    if (event.type === "open") {
      const { name, attributes } = event.tag;
      if (name === "row") {
        rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > FILE_LIMITS.rows)
          throw new AppError("file.too-many-rows", { sheet: context.sheet, limit: FILE_LIMITS.rows });
        cells = [];
        nextColumn = 0;
      } else if (name === "c") {
        const index = attributes.r ? columnIndex(attributes.r, context, rowNumber) : nextColumn;
        if (index >= FILE_LIMITS.columns)
          throw new AppError("file.too-many-columns", { sheet: context.sheet, row: rowNumber, limit: FILE_LIMITS.columns });
        cell = { index, type: attributes.t ?? "n", style: Number(attributes.s ?? 0), value: [], inline: [] };
        nextColumn = index + 1;
      } else if (cell && name === "v") textInto = cell.value;
      else if (cell && name === "f") cell.formula = true;
      else if (cell && name === "t") textInto = cell.inline;
      else if (name === "rPh") phonetic++;
    } else {
      const { name } = event;
      if (name === "v" || name === "t") textInto = null;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell) {
        const read = toCell(cell, context, rowNumber);
        cells[cell.index] = read && cell.formula ? { ...read, formula: true } : read;
        cell = null;
      } else if (name === "row") yield { row: rowNumber, cells };
    }
  }
}

/** `AB12` → 27. Letters past XFD (or more than three) are too many columns, not a broken file. */
function columnIndex(reference: string, context: SheetContext, row: number): number {
  const letters = /^([A-Za-z]+)\d*$/.exec(reference)?.[1];
  if (!letters)
    throw new AppError(
      "file.corrupt-sheet",
      { file: context.file, sheet: context.sheet },
      `${context.part}: cell reference “${reference.slice(0, 20)}”`,
    );
  if (letters.length > 3) throw new AppError("file.too-many-columns", { sheet: context.sheet, row, limit: FILE_LIMITS.columns });
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// Excel serial of 1970-01-01, for `t="d"` cells (ISO 8601 dates, written by some producers).
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;
// 1904-01-01 is serial 1462 in the 1900 date system.
const DAYS_1900_TO_1904 = 1462;

function toCell(open: OpenCell, context: SheetContext, row: number): Cell | undefined {
  const raw = open.value.join("");
  let text: string;
  switch (open.type) {
    case "s":
      text = context.strings[Number(raw)] ?? "";
      break;
    case "inlineStr":
      text = open.inline.join("");
      break;
    case "str":
      text = raw;
      break;
    case "b":
      return raw === "" ? undefined : { value: raw === "1" || raw === "true", type: "boolean" };
    case "e":
      return { value: raw, type: "error" };
    case "d": {
      const ms = Date.parse(raw);
      if (Number.isNaN(ms)) return raw === "" ? undefined : { value: raw, type: "string" };
      return { value: ms / MS_PER_DAY + UNIX_EPOCH_SERIAL, type: "number", format: "yyyy-mm-dd" };
    }
    default: {
      if (raw === "") return undefined;
      const value = Number(raw);
      if (Number.isNaN(value)) return { value: raw, type: "string" };
      const format = context.formats[open.style];
      if (format === undefined) return { value, type: "number" };
      return { value: context.date1904 && isDateFormat(format) ? value + DAYS_1900_TO_1904 : value, type: "number", format };
    }
  }
  if (text.length > FILE_LIMITS.cellChars)
    throw new AppError("file.cell-too-long", { sheet: context.sheet, row, limit: FILE_LIMITS.cellChars });
  return text === "" ? undefined : { value: text, type: "string" };
}
