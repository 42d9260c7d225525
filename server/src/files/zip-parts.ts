import { pipeline, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { AppError } from "@xueji/shared";
import yauzl from "yauzl";
import { FILE_LIMITS } from "./limits";

const MiB = 1024 * 1024;
/**
 * Bytes a part is inflated by at a time. zlib's default, 16 KB, made a 50,000-row roster's 27 MB
 * worksheet 1,700 round trips through the stream machinery, each costing about as much as
 * inflating it; at 256 KB that overhead goes, and a worksheet in flight stays small.
 */
const INFLATE_CHUNK = 256 * 1024;

/** The parts of a zip (an .xlsx), read from its central directory; a part is inflated only when asked. */
export interface ZipParts {
  names(): string[];
  has(name: string): boolean;
  /** The part's uncompressed size as its header declares it (`open` holds it to that while inflating). */
  size(name: string): number;
  /**
   * The part's bytes as a stream, refused before inflating when its declared size exceeds `limit`,
   * and stopped while inflating as soon as it yields more than it declared or more than `limit`
   * (a header that lies about the size must not get through).
   */
  open(name: string, limit: number): AsyncGenerator<Buffer>;
  close(): void;
}

/** The zip at path `file`, or held in `bytes` (an upload; `file` is then its name, for messages). */
export async function openZip(file: string, bytes?: Buffer): Promise<ZipParts> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    // Sizes are checked by `open` below (with messages of our own), so yauzl's own check is off.
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: false };
    const done = (error: Error | null, opened: yauzl.ZipFile) => (error ? reject(error) : resolve(opened));
    if (bytes) yauzl.fromBuffer(bytes, options, done);
    else yauzl.open(file, options, done);
  });
  if (zip.entryCount > FILE_LIMITS.zipEntries) {
    zip.close();
    throw new AppError("file.too-many-entries", { file, limit: FILE_LIMITS.zipEntries });
  }
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/^\//, ""), entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });

  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    size: (name) => entries.get(name)?.uncompressedSize ?? 0,
    async *open(name, limit) {
      const entry = entries.get(name);
      if (!entry) throw new AppError("file.corrupt", { file }, `missing part ${name}`);
      const tooLarge = () => new AppError("file.part-too-large", { file, part: name, limit: Math.round(limit / MiB) });
      if (entry.uncompressedSize > limit) throw tooLarge();
      const stream = await inflated(zip, entry);
      let total = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          total += chunk.length;
          if (total > limit) throw tooLarge();
          if (total > entry.uncompressedSize)
            throw new AppError("file.zip-size-mismatch", { file, part: name, declared: entry.uncompressedSize });
          yield chunk;
        }
      } finally {
        // Stops inflating at once when the consumer gives up (an error here or in the XML).
        stream.destroy();
      }
      if (total !== entry.uncompressedSize)
        throw new AppError("file.zip-size-mismatch", { file, part: name, declared: entry.uncompressedSize });
    },
    close: () => zip.close(),
  };
}

/** The part's bytes: a deflated part is inflated here (yauzl's own inflater has zlib's small default chunks). */
async function inflated(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  const deflated = entry.compressionMethod === 8;
  const raw = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, deflated ? { decompress: false } : {}, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  if (!deflated) return raw;
  // A pipeline, not a pipe: the reader's giving up (destroying the inflater) stops reading the file too, and an
  // error on either side reaches the reader once, never as an unhandled 'error' event.
  return pipeline(raw, createInflateRaw({ chunkSize: INFLATE_CHUNK }), () => {});
}
