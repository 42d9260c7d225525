import { crc32, deflateRawSync } from "node:zlib";

/** For tests: a zip part, optionally with a declared uncompressed size that lies. */
export interface CraftedPart {
  name: string;
  data: Buffer;
  /** The size the headers claim; the true size when absent. */
  declaredSize?: number;
}

/**
 * Writes a zip by hand (PKWARE APPNOTE 4.3: local headers, data, central directory, end record),
 * because the files the reader must refuse — a header that lies about its size — are exactly the
 * ones no zip library will write.
 */
export function craftZip(parts: readonly CraftedPart[]): Buffer {
  return appendEntries([], [], 0, 0, parts);
}

/**
 * For tests: a copy of a real zip (a fixture workbook) with more parts appended — what `zip FILE PART`
 * does, without needing the zip command on the test machine. Assumes no archive comment (as Excel and
 * ExcelJS write them).
 */
export function addZipParts(zip: Buffer, parts: readonly CraftedPart[]): Buffer {
  const endAt = zip.length - 22;
  if (zip.readUInt32LE(endAt) !== 0x06054b50) throw new Error("addZipParts: end record not at the end");
  const count = zip.readUInt16LE(endAt + 10);
  const directorySize = zip.readUInt32LE(endAt + 12);
  const directoryAt = zip.readUInt32LE(endAt + 16);
  return appendEntries([zip.subarray(0, directoryAt)], [zip.subarray(directoryAt, directoryAt + directorySize)], directoryAt, count, parts);
}

function appendEntries(
  locals: Buffer[],
  centrals: Buffer[],
  startOffset: number,
  startCount: number,
  parts: readonly CraftedPart[],
): Buffer {
  let offset = startOffset;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const compressed = deflateRawSync(part.data, { level: 9 });
    const crc = crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(startCount + parts.length, 8);
  end.writeUInt16LE(startCount + parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/**
 * For tests: a minimal .xlsx (the parts Excel needs to open it) with the given worksheets' XML and
 * optional shared strings; `override` replaces or adds parts, e.g. one with a lying size.
 */
export function craftXlsx(options: {
  sheets: ReadonlyArray<{ name: string; xml: string | Buffer }>;
  sharedStrings?: string | Buffer;
  override?: readonly CraftedPart[];
}): Buffer {
  const sheetEntries = options.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = options.sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const parts: CraftedPart[] = [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
      ),
    },
    { name: "_rels/.rels", data: Buffer.from(WORKBOOK_RELS) },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetEntries}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      ),
    },
    ...options.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.isBuffer(s.xml) ? s.xml : Buffer.from(s.xml),
    })),
  ];
  if (options.sharedStrings !== undefined) {
    const data = options.sharedStrings;
    parts.push({ name: "xl/sharedStrings.xml", data: Buffer.isBuffer(data) ? data : Buffer.from(data) });
  }
  for (const part of options.override ?? []) {
    const at = parts.findIndex((p) => p.name === part.name);
    if (at >= 0) parts[at] = part;
    else parts.push(part);
  }
  return craftZip(parts);
}

/** A worksheet part from rows of cell XML (`<c …>…</c>`), rows numbered or not. */
export function sheetXml(rows: readonly string[], options: { rowNumbers?: boolean } = {}): string {
  const body = rows.map((cells, i) => (options.rowNumbers === false ? `<row>${cells}</row>` : `<row r="${i + 1}">${cells}</row>`)).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** An inline-string cell, with or without its `r` reference. */
export function textCellXml(text: string, reference?: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<c${reference ? ` r="${reference}"` : ""} t="inlineStr"><is><t>${escaped}</t></is></c>`;
}
