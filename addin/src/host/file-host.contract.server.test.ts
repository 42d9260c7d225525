import ExcelJS from "exceljs";
import { afterAll, beforeAll, vi } from "vitest";
import { makeWorld, type World } from "../../../server/test/world";
import { type Api, createApi } from "../api/client";
import type { FileHost } from "./file-host";
import { describeHostContract, type SeedCell } from "./host-contract";
import { serverFileHost } from "./server-file-host";

/**
 * File mode's host on the real server's file procedures (`files.check`, `grid`, `fix`, `newSheet`), signed
 * in as a secretary: the same cases the Office.js and WPS hosts pass, on a real .xlsx she opened.
 */
let world: World;
let close: () => void;
let api: Api;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  world = await makeWorld("pglite");
  const served = await world.serve();
  close = served.close;
  // The pane's calls go to the origin it was served from, with her session (a bearer token here).
  // Stubbed, and put back after the file: the next file in this worker gets Node's fetch and no window.
  vi.stubGlobal("window", { location: { origin: served.base } });
  const token = world.tokens.get("secretary-a") as string;
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init: RequestInit = {}) =>
    realFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
  );
  api = createApi(() => ({ locale: "zh-CN" }));
}, 60_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  close();
  await world.database.close();
});

describeHostContract(
  "FileHost on the server's file procedures",
  async (sheet, cells) => {
    let downloaded: ExcelJS.Workbook | null = null;
    const host = serverFileHost(api, await xlsx(sheet, cells), (blob) => {
      void blob.arrayBuffer().then(async (bytes) => {
        downloaded = await load(bytes);
      });
    });
    /** The file she keeps: the one she opened, or the corrected copy after 一键修正. */
    const kept = async () => (await load(await host.file.arrayBuffer())).getWorksheet(sheet) as ExcelJS.Worksheet;
    const download = async () => {
      // The download is read as the browser would save it: once its bytes are in.
      for (let i = 0; i < 50 && !downloaded; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      if (!downloaded) throw new Error("nothing was downloaded");
      return downloaded as ExcelJS.Workbook;
    };
    return {
      host,
      fill: async (address) => {
        const fill = (await kept()).getCell(address).fill;
        const argb = fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
        return argb ? `#${argb.slice(2).toUpperCase()}` : null;
      },
      comment: async (address) => noteText((await kept()).getCell(address).note),
      value: async (address, other) => {
        const cell = other
          ? ((await download()).getWorksheet(other) as ExcelJS.Worksheet).getCell(address)
          : (await kept()).getCell(address);
        return cell.value;
      },
      format: async (address) => (await kept()).getCell(address).numFmt,
      selected: () => null,
      sheetNames: async () => (await download()).worksheets.map((w) => w.name),
      editComment: () => {
        throw new Error("file mode writes no comments");
      },
      edit: async (address, value) => {
        (host as FileHost).file = await xlsx(sheet, { ...cells, [address]: { ...cells[address], value } });
      },
      refuse: async () => {
        // What the server cannot read as a workbook: it says so, with the request id to quote.
        (host as FileHost).file = new File([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])], `${sheet}.xlsx`);
        return /请求编号/;
      },
    };
  },
  { editsWorkbook: false },
);

/** The seeded sheet as a real .xlsx, as Excel or WPS would save it. */
async function xlsx(name: string, cells: Record<string, SeedCell>): Promise<File> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  for (const [address, seed] of Object.entries(cells)) {
    const cell = sheet.getCell(address);
    if (seed.error) cell.value = { error: seed.error as ExcelJS.CellErrorValue["error"] };
    else if (seed.formula)
      cell.value = { formula: seed.formula.replace(/^=/, ""), result: seed.value as string } as ExcelJS.CellFormulaValue;
    else if (seed.value !== undefined) cell.value = seed.value;
    if (seed.format) cell.numFmt = seed.format;
    if (seed.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${seed.fill.slice(1)}` } };
    if (seed.comment) cell.note = seed.comment;
  }
  const bytes = await book.xlsx.writeBuffer();
  return new File([bytes], `${name}.xlsx`);
}

async function load(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book;
}

function noteText(note: ExcelJS.Cell["note"]): string | null {
  if (!note) return null;
  if (typeof note === "string") return note;
  return note.texts?.map((t) => t.text).join("") ?? null;
}
