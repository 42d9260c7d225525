import { createReadStream } from "node:fs";
import { basename, extname } from "node:path";
import { AppError, type Cell, type GridRow } from "@xueji/shared";
import { FILE_LIMITS } from "./limits";

/**
 * CSV as Chinese offices produce it: Excel on a Chinese Windows saves “CSV” in GB18030 (GBK),
 * newer Excel saves UTF-8 with a BOM. Every cell is text: a CSV has no types, which is why an ID
 * number that Excel already rounded arrives here as “4.30103E+17” (the ID parser knows that form).
 *
 * The file is streamed, never read whole (read whole, a 60 MB CSV once took 2.5 GB): one pass decides the
 * encoding, a second parses row by row, each row and cell bounded by FILE_LIMITS.
 */
export type CsvEncoding = "utf-8" | "gb18030";

const CHUNK = 1024 * 1024;
const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** UTF-16 by its BOM, or by the NUL bytes every other byte of ASCII text has in UTF-16. */
export function utf16Variant(head: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  if (head[0] === 0xff && head[1] === 0xfe) return "UTF-16LE";
  if (head[0] === 0xfe && head[1] === 0xff) return "UTF-16BE";
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  // Chinese text in UTF-16 has few NULs, but the commas, digits and line breaks of a CSV have one each.
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.05) return "UTF-16LE";
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.05) return "UTF-16BE";
  return null;
}

/** Pass one: refuses UTF-16, and decides UTF-8 (strictly valid, BOM or not) or GB18030, without holding the file. */
export async function detectCsvEncoding(file: string): Promise<CsvEncoding> {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  let utf8 = true;
  // Read to the end even once UTF-8 fails, so a read error is an error here and not a guess of GB18030.
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (first) {
      const variant = utf16Variant(chunk);
      if (variant) throw new AppError("file.utf16", { file, variant });
      first = false;
    }
    if (utf8) utf8 = decodes(strict, chunk);
  }
  return utf8 && decodes(strict) ? "utf-8" : "gb18030";
}

/** Whether the bytes so far are valid UTF-8 (the fatal decoder throws a TypeError when not). */
function decodes(decoder: InstanceType<typeof TextDecoder>, chunk?: Buffer): boolean {
  try {
    if (chunk) decoder.decode(chunk, { stream: true });
    else decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Pass two: RFC 4180 rows (quoted fields may hold commas, quotes ("") and line breaks), streamed. */
export async function* readCsv(file: string, maxRows: number = FILE_LIMITS.rows): AsyncGenerator<GridRow> {
  const encoding = await detectCsvEncoding(file);
  // `ignoreBOM: false` (the default) drops a UTF-8 BOM.
  const decoder = new TextDecoder(encoding);
  const parser = new CsvRowParser(file, maxRows);
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    yield* parser.push(decoder.decode(chunk, { stream: true }));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

class CsvRowParser {
  private fields: string[] = [];
  private field = "";
  private quoted = false;
  /** A quote just closed inside a quoted field: the next `"` makes an escaped quote. */
  private quoteSeen = false;
  private pendingCr = false;
  private rowChars = 0;
  private rowNumber = 0;

  /** A CSV's one sheet is named after the file, as Excel names it. */
  private readonly sheet: string;

  constructor(
    private readonly file: string,
    private readonly maxRows: number,
  ) {
    this.sheet = basename(file, extname(file));
  }

  /**
   * Scans a decoded chunk and yields the rows it completes. A field is taken as slices of the
   * chunk between delimiters (not built a character at a time), carried over when it spans chunks.
   */
  *push(text: string): Generator<GridRow> {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === LF) {
          start = i + 1;
          continue;
        }
      }
      if (++this.rowChars > FILE_LIMITS.csvRowChars)
        throw new AppError("file.row-too-long", { file: this.file, row: this.rowNumber + 1, limit: FILE_LIMITS.csvRowChars });
      if (this.quoted) {
        if (!this.quoteSeen) {
          if (ch === QUOTE) {
            this.append(text.slice(start, i));
            start = i + 1;
            this.quoteSeen = true;
          }
          continue;
        }
        this.quoteSeen = false;
        if (ch === QUOTE) {
          // "" inside quotes: this second quote is kept as text.
          start = i;
          continue;
        }
        // The quote before this character closed the field; what follows is read unquoted.
        this.quoted = false;
        start = i;
      }
      if (ch === QUOTE && start === i && this.field === "") {
        this.quoted = true;
        start = i + 1;
      } else if (ch === COMMA) {
        this.append(text.slice(start, i));
        this.endField();
        start = i + 1;
      } else if (ch === LF || ch === CR) {
        this.append(text.slice(start, i));
        this.pendingCr = ch === CR;
        yield this.endRow();
        start = i + 1;
      }
    }
    if (!(this.quoted && this.quoteSeen)) this.append(text.slice(start));
  }

  *end(): Generator<GridRow> {
    if (this.field !== "" || this.fields.length > 0 || this.quoted) yield this.endRow();
  }

  private append(part: string): void {
    if (part === "") return;
    this.field += part;
    if (this.field.length > FILE_LIMITS.cellChars)
      throw new AppError("file.cell-too-long", { sheet: this.sheet, row: this.rowNumber + 1, limit: FILE_LIMITS.cellChars });
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    if (this.fields.length > FILE_LIMITS.columns)
      throw new AppError("file.too-many-columns", { sheet: this.sheet, row: this.rowNumber + 1, limit: FILE_LIMITS.columns });
  }

  private endRow(): GridRow {
    this.endField();
    this.quoted = false;
    this.quoteSeen = false;
    this.rowChars = 0;
    this.rowNumber++;
    if (this.rowNumber > this.maxRows) throw new AppError("file.too-many-rows", { sheet: this.sheet, limit: this.maxRows });
    const cells = this.fields.map((f): Cell | undefined => (f === "" ? undefined : { value: f, type: "string" }));
    this.fields = [];
    return { row: this.rowNumber, cells };
  }
}
