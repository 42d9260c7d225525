import { writeFile } from "node:fs/promises";
import { AppError, type Locale } from "@xueji/shared";

/** Why a file could not be written, in the reader's words (the system's codes mean nothing to a secretary). */
const REASONS: Record<string, Record<Locale, string>> = {
  EACCES: { "zh-CN": "没有写入权限", en: "permission denied" },
  EPERM: { "zh-CN": "没有写入权限", en: "permission denied" },
  ENOENT: { "zh-CN": "所在的文件夹不存在", en: "its folder does not exist" },
  ENOTDIR: { "zh-CN": "路径中有一部分不是文件夹", en: "part of the path is not a folder" },
  EISDIR: { "zh-CN": "这是一个文件夹", en: "it is a folder" },
  EROFS: { "zh-CN": "磁盘是只读的", en: "the disk is read-only" },
  ENOSPC: { "zh-CN": "磁盘已满", en: "the disk is full" },
  EDQUOT: { "zh-CN": "磁盘配额已用完", en: "the disk quota is used up" },
  EBUSY: { "zh-CN": "文件正被其他程序使用", en: "the file is in use by another program" },
  ENAMETOOLONG: { "zh-CN": "文件名太长", en: "the name is too long" },
};

/**
 * Writes a file the user named (--annotate, --fix, --out…); one that cannot be written is a
 * localised `cli.cannot-write` naming the path and why, never the command's "unexpected error".
 */
export async function writeOutput(path: string, data: string | Uint8Array, locale: Locale, options: { mode?: number } = {}): Promise<void> {
  try {
    await writeFile(path, data, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = REASONS[code]?.[locale] ?? code;
    if (!reason) throw error;
    throw new AppError("cli.cannot-write", { path, reason }, (error as Error).message);
  }
}
