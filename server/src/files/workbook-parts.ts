import { AppError } from "@xueji/shared";
import { FILE_LIMITS } from "./limits";
import { parseXml, type XmlHandler, xmlEvents } from "./xml-events";
import type { ZipParts } from "./zip-parts";

export interface SheetEntry {
  /** The name on the worksheet's tab, e.g. 在校生学籍核对 (what a report must call it). */
  name: string;
  /** The part holding its cells, e.g. xl/worksheets/sheet2.xml. */
  part: string;
}

/** The worksheets in tab order, from xl/workbook.xml and its relationships (ECMA-376 Part 1 §18.2). */
export async function readSheetList(zip: ZipParts, file: string): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const workbook = await workbookPath(zip, file);
  const dir = workbook.slice(0, workbook.lastIndexOf("/") + 1);
  const rels = relsPath(workbook);
  const targets = new Map<string, string>();
  if (zip.has(rels)) {
    for await (const event of xmlEvents(zip.open(rels, FILE_LIMITS.otherPartBytes), { file, part: rels })) {
      if (event.type === "open" && event.tag.name === "Relationship") {
        const { Id, Target } = event.tag.attributes;
        if (Id && Target) targets.set(Id, Target.startsWith("/") ? Target.slice(1) : normalise(dir + Target));
      }
    }
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for await (const event of xmlEvents(zip.open(workbook, FILE_LIMITS.otherPartBytes), { file, part: workbook })) {
    // A workbook made on an old Mac counts dates from 1904 (ECMA-376 §18.2.28 workbookPr@date1904).
    if (event.type === "open" && event.tag.name === "workbookPr") date1904 = ["1", "true"].includes(event.tag.attributes.date1904 ?? "");
    if (event.type !== "open" || event.tag.name !== "sheet") continue;
    const { name, "r:id": relId } = event.tag.attributes;
    const part = relId ? targets.get(relId) : undefined;
    // A chart sheet has a tab but no cells; only worksheets are read.
    if (name !== undefined && part && zip.has(part) && part.includes("worksheets/")) sheets.push({ name, part });
  }
  return { sheets, date1904 };
}

async function workbookPath(zip: ZipParts, file: string): Promise<string> {
  if (zip.has("_rels/.rels")) {
    for await (const event of xmlEvents(zip.open("_rels/.rels", FILE_LIMITS.otherPartBytes), { file, part: "_rels/.rels" })) {
      if (event.type === "open" && event.tag.name === "Relationship" && event.tag.attributes.Type?.endsWith("/officeDocument")) {
        const target = (event.tag.attributes.Target ?? "").replace(/^\//, "");
        if (zip.has(target)) return target;
      }
    }
  }
  if (zip.has("xl/workbook.xml")) return "xl/workbook.xml";
  throw new AppError("file.corrupt", { file }, "no xl/workbook.xml");
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

/**
 * xl/sharedStrings.xml: every distinct text of the workbook, which cells point to by index. It is
 * held in memory, so the part is capped (FILE_LIMITS.sharedStringsBytes) and each string is capped
 * at a cell's 32,767 characters. Phonetic runs (`rPh`, furigana) are not part of the text.
 */
export async function readSharedStrings(zip: ZipParts, file: string): Promise<string[]> {
  const part = "xl/sharedStrings.xml";
  if (!zip.has(part)) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    open({ name }) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t") inText = phonetic === 0;
    },
    close(name) {
      if (name === "si" && current !== null) {
        if (current.length > FILE_LIMITS.cellChars)
          throw new AppError("file.xml-text-too-long", { file, part, limit: FILE_LIMITS.cellChars });
        strings.push(current);
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  };
  for await (const _ of parseXml(zip.open(part, FILE_LIMITS.sharedStringsBytes), { file, part }, handler));
  return strings;
}

// Built-in number formats that show a date (ECMA-376 §18.8.30, including the CJK ids 27–36, 50–58).
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = { 0: "General", 1: "0", 2: "0.00", 49: "@" };

/** Whether a number format shows a date or time: y, m, d, h or s outside quoted text, brackets and escapes. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** The number format of each cell style index (`s` on a cell), from xl/styles.xml. */
export async function readCellFormats(zip: ZipParts, file: string): Promise<Array<string | undefined>> {
  const part = "xl/styles.xml";
  if (!zip.has(part)) return [];
  const custom = new Map<number, string>();
  const formats: Array<string | undefined> = [];
  let inCellXfs = false;
  for await (const event of xmlEvents(zip.open(part, FILE_LIMITS.otherPartBytes), { file, part })) {
    if (event.type === "open") {
      const { name, attributes } = event.tag;
      if (name === "numFmt") custom.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? (BUILT_IN_DATE_IDS.has(id) ? "yyyy-mm-dd" : undefined));
      }
    } else if (event.type === "close" && event.name === "cellXfs") inCellXfs = false;
  }
  return formats;
}
