import { AppError } from "@xueji/shared";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { FILE_LIMITS } from "./limits";

export type XmlEvent = { type: "open"; tag: SaxesTagPlain } | { type: "close"; name: string } | { type: "text"; text: string };

/** What a part's reader does at each element and run of text, called as the parser meets them. */
export interface XmlHandler {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text(text: string): void;
}

type Where = { file: string; part: string; sheet?: string };

/**
 * Parses one XML part, calling `handler` for its elements and text, with the two defences a
 * spreadsheet part needs: any DOCTYPE is refused (Excel never writes one; it is the vehicle of XXE
 * and billion-laughs, and refusing it means no entity is ever defined, let alone expanded), and a
 * run of text between tags is bounded, since the parser buffers it whole until the next tag.
 *
 * It yields (nothing) after each inflated chunk, so the caller can hand on what the handler built
 * from that chunk: a worksheet's rows go out a chunk at a time, not an awaited step per element,
 * which was most of the time `xueji validate` spent reading a 50,000-row roster.
 */
export async function* parseXml(chunks: AsyncIterable<Buffer>, where: Where, handler: XmlHandler): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: true });
  let lastTag = 0;
  parser.on("doctype", () => {
    throw new AppError("file.xml-doctype", where);
  });
  parser.on("opentag", (tag) => {
    lastTag = parser.position;
    handler.open(tag as SaxesTagPlain);
  });
  parser.on("closetag", (tag) => {
    lastTag = parser.position;
    handler.close(tag.name);
  });
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  parser.on("error", (error) => {
    // The parser's English goes to the log; the reader is told which worksheet, when it is one.
    const detail = `${where.part}: ${error.message}`;
    if (where.sheet !== undefined) throw new AppError("file.corrupt-sheet", { file: where.file, sheet: where.sheet }, detail);
    throw new AppError("file.corrupt", { file: where.file }, detail);
  });
  const decoder = new TextDecoder("utf-8");
  const write = (text: string) => {
    // Fed in slices so the text-run check sees a crafted run before it grows past the bound.
    for (let at = 0; at < text.length; at += 65_536) {
      parser.write(at === 0 && text.length <= 65_536 ? text : text.slice(at, at + 65_536));
      if (parser.position - lastTag > FILE_LIMITS.xmlTextChars)
        throw new AppError("file.xml-text-too-long", { ...where, limit: FILE_LIMITS.xmlTextChars });
    }
  };
  for await (const chunk of chunks) {
    write(decoder.decode(chunk, { stream: true }));
    yield;
  }
  write(decoder.decode());
  parser.close();
  yield;
}

/** The elements and text of one XML part as a stream of events (for the small parts: workbook, relationships, styles). */
export async function* xmlEvents(chunks: AsyncIterable<Buffer>, where: Where): AsyncGenerator<XmlEvent> {
  const queue: XmlEvent[] = [];
  const handler: XmlHandler = {
    open: (tag) => queue.push({ type: "open", tag }),
    close: (name) => queue.push({ type: "close", name }),
    text: (text) => queue.push({ type: "text", text }),
  };
  for await (const _ of parseXml(chunks, where, handler)) {
    yield* queue;
    queue.length = 0;
  }
}
