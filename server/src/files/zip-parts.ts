import type { Readable } from "node:stream";
import { AppError } from "@xueji/shared";
import yauzl from "yauzl";
import { FILE_LIMITS } from "./limits";

const MiB = 1024 * 1024;

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
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
      );
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
