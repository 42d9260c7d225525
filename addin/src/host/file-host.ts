import type { GridRow } from "@xueji/shared";
import type { CellRef, CellWrite, ClearResult, HostCapabilities, Mark, NewSheet, ReadProgress, SheetHost } from "./sheet-host";

/** What the server's reader said about an uploaded file (`POST /api/files/check`). */
export interface FileCheck {
  grid: GridRow[];
  sheet: string;
}

/**
 * File mode (WPS 表格, LibreOffice, any browser): the sheet is a local .xlsx/.csv the secretary
 * opened. The server reads it (the same reader as `xueji validate`); marks live in the annotated
 * copy the server writes, so this host only remembers them. It cannot select cells or write into
 * the secretary's file, and says so through its capabilities.
 */
export class FileHost implements SheetHost {
  readonly mode = "file" as const;
  readonly capabilities: HostCapabilities = {
    rangeAreas: false,
    notes: false,
    dropdowns: false,
    suspendScreenUpdating: false,
    editsWorkbook: false,
  };
  marks: readonly Mark[] = [];
  private checked: FileCheck | null = null;

  constructor(
    readonly file: File,
    private readonly check: (file: File) => Promise<FileCheck>,
  ) {}

  /** Forget the last reading, so the next check reads the file again (e.g. with another sheet kind). */
  reset(): void {
    this.checked = null;
  }

  async sheetName(): Promise<string> {
    return this.checked?.sheet ?? this.file.name;
  }

  async readUsedRange(onProgress?: (progress: ReadProgress) => void): Promise<GridRow[]> {
    this.checked ??= await this.check(this.file);
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

  async writeValues(_cells: readonly CellWrite[]): Promise<void> {
    throw new Error("file mode cannot write into the local file");
  }

  async addSheet(_sheet: NewSheet): Promise<void> {
    throw new Error("file mode cannot add a worksheet");
  }
}
