import { AppError, type Cell, type GridRow } from "@xueji/shared";
import { FILE_LIMITS } from "./limits";
import { isDateFormat, readCellFormats, readSharedStrings, readSheetList } from "./workbook-parts";
import { parseXml, type XmlHandler } from "./xml-events";
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

/**
 * The rows of one worksheet part. The parser calls back for each element; the open cell lives in
 * a few variables rather than an object with arrays (a 50,000-row roster has a million cells), and
 * the rows finished in each inflated chunk are handed on together.
 */
async function* rowsOf(chunks: AsyncIterable<Buffer>, context: SheetContext): AsyncGenerator<GridRow> {
  let rowNumber = 0;
  let cells: Array<Cell | undefined> = [];
  let nextColumn = 0;
  // The open cell (`inCell`): its column, type, style, <v> text, inline <t> text and whether it has a formula.
  let inCell = false;
  let index = 0;
  let type = "n";
  let style = 0;
  let value = "";
  let inline = "";
  let formula = false;
  // Where text goes: 0 nowhere, 1 the value, 2 the inline text.
  let textInto = 0;
  let phonetic = 0;
  const done: GridRow[] = [];
  const handler: XmlHandler = {
    open({ name, attributes }) {
      if (name === "c") {
        const r = attributes.r;
        index = r ? columnIndex(r, context, rowNumber) : nextColumn;
        if (index >= FILE_LIMITS.columns)
          throw new AppError("file.too-many-columns", { sheet: context.sheet, row: rowNumber, limit: FILE_LIMITS.columns });
        inCell = true;
        type = attributes.t ?? "n";
        const s = attributes.s;
        style = s === undefined ? 0 : Number(s);
        value = "";
        inline = "";
        formula = false;
        nextColumn = index + 1;
      } else if (name === "v") {
        if (inCell) textInto = 1;
      } else if (name === "row") {
        rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > FILE_LIMITS.rows)
          throw new AppError("file.too-many-rows", { sheet: context.sheet, limit: FILE_LIMITS.rows });
        cells = [];
        nextColumn = 0;
      } else if (inCell && name === "f") formula = true;
      else if (inCell && name === "t") textInto = 2;
      else if (name === "rPh") phonetic++;
    },
    close(name) {
      if (name === "v" || name === "t") textInto = 0;
      else if (name === "c") {
        if (!inCell) return;
        const read = toCell(type, value, inline, style, context, rowNumber);
        cells[index] = read && formula ? { ...read, formula: true } : read;
        inCell = false;
      } else if (name === "row") done.push({ row: rowNumber, cells });
      else if (name === "rPh") phonetic--;
    },
    text(text) {
      if (textInto === 0 || phonetic !== 0) return;
      if (textInto === 1) value += text;
      else inline += text;
    },
  };
  for await (const _ of parseXml(chunks, { file: context.file, part: context.part, sheet: context.sheet }, handler)) {
    for (let i = 0; i < done.length; i++) yield done[i] as GridRow;
    done.length = 0;
  }
}

/** `AB12` → 27. Letters past XFD (or more than three) are too many columns, not a broken file. */
function columnIndex(reference: string, context: SheetContext, row: number): number {
  // The reference is letters then digits only (/^[A-Za-z]+\d*$/), checked without a regular expression: it is every cell.
  let letters = 0;
  let n = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at);
    if (code >= 65 && code <= 90) n = n * 26 + (code - 64);
    else if (code >= 97 && code <= 122) n = n * 26 + (code - 96);
    else break;
    letters++;
  }
  let digitsOnly = true;
  for (let d = at; d < reference.length; d++) {
    const code = reference.charCodeAt(d);
    if (code < 48 || code > 57) {
      digitsOnly = false;
      break;
    }
  }
  if (letters === 0 || !digitsOnly)
    throw new AppError(
      "file.corrupt-sheet",
      { file: context.file, sheet: context.sheet },
      `${context.part}: cell reference “${reference.slice(0, 20)}”`,
    );
  if (letters > 3) throw new AppError("file.too-many-columns", { sheet: context.sheet, row, limit: FILE_LIMITS.columns });
  return n - 1;
}

// Excel serial of 1970-01-01, for `t="d"` cells (ISO 8601 dates, written by some producers).
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;
// 1904-01-01 is serial 1462 in the 1900 date system.
const DAYS_1900_TO_1904 = 1462;

function toCell(type: string, raw: string, inline: string, style: number, context: SheetContext, row: number): Cell | undefined {
  let text: string;
  switch (type) {
    case "s":
      text = context.strings[Number(raw)] ?? "";
      break;
    case "inlineStr":
      text = inline;
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
      const format = context.formats[style];
      if (format === undefined) return { value, type: "number" };
      return { value: context.date1904 && isDateFormat(format) ? value + DAYS_1900_TO_1904 : value, type: "number", format };
    }
  }
  if (text.length > FILE_LIMITS.cellChars)
    throw new AppError("file.cell-too-long", { sheet: context.sheet, row, limit: FILE_LIMITS.cellChars });
  return text === "" ? undefined : { value: text, type: "string" };
}
