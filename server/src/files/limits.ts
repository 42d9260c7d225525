import { MAX_SHEET_COLUMNS } from "@xueji/shared";

/**
 * Bounds on everything the file reader does, so a crafted or broken file is refused with a message
 * instead of taking the process's memory (a 209 KB .xlsx holding one 200 MB shared string once
 * ran `xueji validate` out of memory). Excel's own limits are the natural ceilings: no real
 * check sheet exceeds them, so nothing a secretary saves from Excel is refused.
 */
const MiB = 1024 * 1024;

export const FILE_LIMITS = {
  /** Excel: 16,384 columns (A–XFD), the same limit as the server's grid input. */
  columns: MAX_SHEET_COLUMNS,
  /** Excel: 1,048,576 rows. */
  rows: 1_048_576,
  /**
   * A results CSV from the academic system is no Excel sheet: several terms of a university run past
   * Excel's rows (2,000,000 and more). The import's 160 MB upload cap bounds it; it is streamed.
   */
  importCsvRows: 5_000_000,
  /** Excel: a cell holds at most 32,767 characters. */
  cellChars: 32_767,
  /**
   * Uncompressed bytes of one worksheet part. Worksheets are streamed row by row, so this bounds
   * time, not memory; 512 MB is far beyond a 50,000-row roster (about 30 MB).
   */
  worksheetBytes: 512 * MiB,
  /** sharedStrings.xml is held in memory (cells point into it by index), so it is capped tighter. */
  sharedStringsBytes: 64 * MiB,
  /** workbook.xml, relationships, styles: small parts of any real workbook. */
  otherPartBytes: 16 * MiB,
  /** Entries in the zip (a workbook has a few dozen). */
  zipEntries: 10_000,
  /**
   * Characters between two XML tags. A cell's text is at most 32,767 characters; escaped as
   * `&amp;…` it is at most six times that. A longer run is a crafted part, not a spreadsheet.
   */
  xmlTextChars: 6 * 32_767 + 1024,
  /**
   * Uncompressed bytes of a whole workbook the server copies (annotated, corrected): the copy
   * writer holds every part in memory, unlike the streaming reader. A 50,000-row roster is ~30 MB.
   */
  copyBytes: 128 * MiB,
  /**
   * Cells of a whole workbook the server copies through ExcelJS, which keeps about 0.7 KB per cell
   * while writing: a million cells (a 50,000-row roster of 20 columns) stays under 1 GB.
   */
  copyCells: 1_000_000,
  /** Cells of the grid the file procedures read and send back (MAX_GRID_ROWS rows of 30 columns). */
  gridCells: 3_000_000,
  /** One CSV line (a row of at most 16,384 cells of 32,767 characters would be far longer; real rows are < 10 KB). */
  csvRowChars: 4 * MiB,
} as const;
