import { stat } from "node:fs/promises";
import { AppError } from "@xueji/shared";

/**
 * Refuses anything that is not a regular file before a byte is read: a folder (Node would throw
 * EISDIR with a stack), /dev/zero (never ends: the probe saw it grow to 7.4 GB), a FIFO (blocks
 * until a writer appears). `stat` follows symbolic links, so a link to a file is fine.
 */
export async function checkRegularFile(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new AppError("file.not-found", { file: path });
  }
  if (info.isDirectory()) throw new AppError("file.is-directory", { file: path });
  if (!info.isFile()) throw new AppError("file.not-regular", { file: path });
  return info.size;
}
