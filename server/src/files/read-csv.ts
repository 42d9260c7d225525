import { createReadStream } from "node:fs";
import { basename, extname } from "node:path";
import { AppError, type Cell, type GridRow } from "@xueji/shared";
import { parse } from "csv-parse";
import { FILE_LIMITS } from "./limits";

/**
 * CSV as Chinese offices produce it: Excel on a Chinese Windows saves “CSV” in GB18030 (GBK),
 * newer Excel saves UTF-8 with a BOM. Every cell is text: a CSV has no types, which is why an ID
 * number that Excel already rounded arrives here as “4.30103E+17” (the ID parser knows that form).
 *
 * The file is streamed, never read whole (read whole, a 60 MB CSV once took 2.5 GB): one pass decides the
 * encoding, a second parses row by row (csv-parse), each row and cell bounded by FILE_LIMITS.
 */
export type CsvEncoding = "utf-8" | "gb18030";

const CHUNK = 1024 * 1024;
/** Parsed 64 KiB at a time: csv-parse makes a chunk's rows at once, and fewer at a time keep the peak low. */
const PARSE_CHUNK = 64 * 1024;

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

/** csv-parse's codes for a record past `max_record_size` and for a quote the file never closes. */
const TOO_LONG = "CSV_MAX_RECORD_SIZE";
const QUOTE_NOT_CLOSED = "CSV_QUOTE_NOT_CLOSED";

/**
 * Pass two: RFC 4180 rows (quoted fields may hold commas, quotes ("") and line breaks), parsed by csv-parse
 * from the decoded text, streamed. Each row and cell is bounded by FILE_LIMITS: csv-parse refuses a row past
 * `csvRowChars` while reading it, so the cell and column checks after each row look at bounded text.
 */
export async function* readCsv(file: string, maxRows: number = FILE_LIMITS.rows): AsyncGenerator<GridRow> {
  const encoding = await detectCsvEncoding(file);
  const sheet = basename(file, extname(file)); // a CSV's one sheet is named after the file, as Excel names it
  const parser = parse({
    relax_column_count: true, // a short row is a row, as Excel reads it
    relax_quotes: true, // a quote inside an unquoted cell (12"寸) is text
    max_record_size: FILE_LIMITS.csvRowChars,
  });
  let rowNumber = 0;
  // Fed a decoded chunk at a time and drained before the next, so at most one chunk's rows are held.
  const drain = function* (): Generator<GridRow> {
    for (let fields = parser.read() as string[] | null; fields !== null; fields = parser.read() as string[] | null) {
      rowNumber++;
      if (rowNumber > maxRows) throw new AppError("file.too-many-rows", { sheet, limit: maxRows });
      if (fields.length > FILE_LIMITS.columns)
        throw new AppError("file.too-many-columns", { sheet, row: rowNumber, limit: FILE_LIMITS.columns });
      if (fields.some((f) => f.length > FILE_LIMITS.cellChars))
        throw new AppError("file.cell-too-long", { sheet, row: rowNumber, limit: FILE_LIMITS.cellChars });
      yield { row: rowNumber, cells: fields.map((f): Cell | undefined => (f === "" ? undefined : { value: f, type: "string" })) };
    }
  };
  // csv-parse parses a write at once, but reports its failure, and parses the last row after end(), a tick
  // later: each is waited for.
  let failure: unknown = null;
  parser.on("error", (error) => {
    failure = error;
  });
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  try {
    for await (const text of decodedText(file, encoding)) {
      parser.write(text);
      yield* drain();
      await settled();
      if (failure) throw failure;
    }
    parser.end();
    await settled();
    if (failure) throw failure;
    yield* drain();
  } catch (error) {
    // csv-parse counts the rows it finished before the one it refuses.
    const { code, records } = error as { code?: unknown; records?: number };
    const row = (records ?? rowNumber) + 1;
    if (code === TOO_LONG) throw new AppError("file.row-too-long", { file, row, limit: FILE_LIMITS.csvRowChars });
    if (code === QUOTE_NOT_CLOSED) throw new AppError("file.csv-quote-not-closed", { file, row });
    throw error;
  }
}

/** The file's text, decoded chunk by chunk (`ignoreBOM: false`, the default, drops a UTF-8 BOM). */
async function* decodedText(file: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(file, { highWaterMark: PARSE_CHUNK }) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
