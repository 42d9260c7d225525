import type { GridRow } from "@xueji/shared";
import type { Correction } from "../api/files";
import type {
  CellRef,
  CellWrite,
  ClearResult,
  HostCapabilities,
  Mark,
  NewSheet,
  ReadProgress,
  ServerCheck,
  ServerCheckRequest,
  SheetHost,
} from "./sheet-host";

/** The whole grid of an uploaded file as the server's reader read it (`files.grid`). */
export interface FileCheck {
  grid: GridRow[];
  sheet: string;
}

/** What the server does with the file: reads and checks it in one call, or sends its whole grid. */
export interface FileReaders {
  /** The sheet's and the record's checks, with only the header's rows of the grid. */
  check(file: File, request: ServerCheckRequest): Promise<ServerCheck>;
  /** The whole grid, for 一键修正's plan and 提交. */
  grid(file: File): Promise<FileCheck>;
}

/** What the server does for file mode besides reading: the corrected copy and new sheets as .xlsx. */
export interface FileWriters {
  /** The file with these cells written (the server's corrected copy). */
  correct(file: File, cells: readonly CellWrite[]): Promise<Correction>;
  /** A new check sheet as a file, handed to the browser's downloads. */
  newSheet(sheet: NewSheet): Promise<void>;
}

/**
 * File mode (WPS 表格, LibreOffice, any browser): the sheet is a local .xlsx/.csv the secretary
 * opened. The server reads and checks it in one call (the same reader as `xueji validate`, and the
 * record's checks), sending back only the rows the pane shows; the whole grid is asked for only when
 * a fix or a submission needs it. Marks live in the annotated copy the server writes, so this host
 * only remembers them. It cannot select cells; writing
 * fixes makes a corrected copy (the server writes it) that becomes the file checked and submitted
 * from then on, and a new sheet is a file to download.
 */
export class FileHost implements SheetHost {
  readonly mode = "file" as const;
  readonly fixStrategy = "copy" as const;
  correctedCopy: File | null = null;
  readonly capabilities: HostCapabilities = {
    rangeAreas: false,
    notes: false,
    dropdowns: false,
    suspendScreenUpdating: false,
    editsWorkbook: false,
  };
  marks: readonly Mark[] = [];
  /** What the last `writeValues` wrote and left alone (formula cells), for the pane's notice. */
  lastCorrection: Omit<Correction, "file"> | null = null;
  private checked: FileCheck | null = null;
  /** The worksheet the server last read (a workbook's check sheet need not be its first). */
  private sheet: string | null = null;

  constructor(
    /** The file checked and submitted: the one opened, then the corrected copy after 一键修正. */
    public file: File,
    private readonly readers: FileReaders,
    private readonly writers?: FileWriters,
  ) {}

  /** Forget the last reading, so the next check reads the file again (e.g. with another sheet kind). */
  reset(): void {
    this.checked = null;
  }

  async sheetName(): Promise<string> {
    return this.checked?.sheet ?? this.sheet ?? this.file.name;
  }

  async checkOnServer(request: ServerCheckRequest): Promise<ServerCheck> {
    const checked = await this.readers.check(this.file, request);
    this.sheet = checked.sheetName;
    return checked;
  }

  async readUsedRange(onProgress?: (progress: ReadProgress) => void): Promise<GridRow[]> {
    this.checked ??= await this.readers.grid(this.file);
    this.sheet = this.checked.sheet;
    const rows = this.checked.grid.length;
    onProgress?.({ rowsRead: rows, totalRows: rows });
    return this.checked.grid;
  }

  async mark(marks: readonly Mark[]): Promise<void> {
    this.marks = marks;
  }

  async clearMarks(): Promise<ClearResult> {
    this.marks = [];
    return { kept: 0 };
  }

  async select(_cell: CellRef): Promise<void> {}

  async writeValues(cells: readonly CellWrite[]): Promise<void> {
    if (!this.writers) throw new Error("this file host cannot write");
    const { file, ...counts } = await this.writers.correct(this.file, cells);
    this.file = file;
    this.correctedCopy = file;
    this.lastCorrection = counts;
    this.reset();
  }

  /** None to ask: the server's grid marks a formula's result (`Cell.formula`), and the shared plan leaves it out. */
  async formulaCells(_cells: readonly CellRef[]): Promise<string[]> {
    return [];
  }

  async addSheet(sheet: NewSheet): Promise<void> {
    if (!this.writers) throw new Error("this file host cannot write");
    await this.writers.newSheet(sheet);
  }
}
