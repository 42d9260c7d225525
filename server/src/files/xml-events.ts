import { AppError } from "@xueji/shared";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { FILE_LIMITS } from "./limits";

export type XmlEvent = { type: "open"; tag: SaxesTagPlain } | { type: "close"; name: string } | { type: "text"; text: string };

/**
 * The elements and text of one XML part, as a stream of events, with the two defences a
 * spreadsheet part needs: any DOCTYPE is refused (Excel never writes one; it is the vehicle of XXE
 * and billion-laughs, and refusing it means no entity is ever defined, let alone expanded), and a
 * run of text between tags is bounded, since the parser buffers it whole until the next tag.
 */
export async function* xmlEvents(
  chunks: AsyncIterable<Buffer>,
  where: { file: string; part: string; sheet?: string },
): AsyncGenerator<XmlEvent> {
  const parser = new SaxesParser({ position: true });
  const queue: XmlEvent[] = [];
  let lastTag = 0;
  parser.on("doctype", () => {
    throw new AppError("file.xml-doctype", where);
  });
  parser.on("opentag", (tag) => {
    lastTag = parser.position;
    queue.push({ type: "open", tag: tag as SaxesTagPlain });
  });
  parser.on("closetag", (tag) => {
    lastTag = parser.position;
    queue.push({ type: "close", name: tag.name });
  });
  parser.on("text", (text) => queue.push({ type: "text", text }));
  parser.on("cdata", (text) => queue.push({ type: "text", text }));
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
      parser.write(text.slice(at, at + 65_536));
      if (parser.position - lastTag > FILE_LIMITS.xmlTextChars)
        throw new AppError("file.xml-text-too-long", { ...where, limit: FILE_LIMITS.xmlTextChars });
    }
  };
  for await (const chunk of chunks) {
    write(decoder.decode(chunk, { stream: true }));
    yield* queue;
    queue.length = 0;
  }
  write(decoder.decode());
  parser.close();
  yield* queue;
}
