import { type AuditRules, blueBorderShare, type PhotoProblem, photoProblems } from "@xueji/shared";
import jpeg from "jpeg-js";

/** The largest picture decoded to sample its background: a 480×640 photo is 0.3 MP; a camera original is refused unread. */
const MAX_DECODED_MP = 2;

export interface InspectedPhoto {
  problems: PhotoProblem[];
  width: number | null;
  height: number | null;
  bytes: number;
  /** The border sampled blue (null: not decoded — not a JPG, or too large a picture to decode). */
  blueBackground: boolean | null;
}

/** Width and height from a JPG's frame header (SOF0–SOF15 but DHT, JPG and DAC), read without decoding. */
function frameSize(bytes: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return null;
}

/**
 * What 学信网 asks of an uploaded graduate photo (seed 000 四 备注): a JPG of 480×640 px, 1–100 KB, 蓝底. The format by
 * its bytes, the size by its length, the dimensions from the frame header, and the background by sampling the
 * decoded border (shared `blueBorderShare`).
 */
export function inspectPhoto(bytes: Buffer, rules: AuditRules["photo"]): InspectedPhoto {
  const size = frameSize(bytes);
  const jpg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && size !== null;
  let blueShare: number | null = null;
  if (jpg && size && size.width * size.height <= MAX_DECODED_MP * 1_000_000) {
    try {
      const image = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: MAX_DECODED_MP, maxMemoryUsageInMB: 64 });
      blueShare = blueBorderShare(image);
    } catch {
      // A header that reads as a JPG but does not decode is not a photo 学信网 can show.
      return { problems: [{ code: "not-jpeg" }], width: null, height: null, bytes: bytes.length, blueBackground: null };
    }
  }
  const problems = photoProblems(
    { jpeg: jpg, bytes: bytes.length, width: size?.width ?? null, height: size?.height ?? null, blueShare },
    rules,
  );
  return {
    problems,
    width: size?.width ?? null,
    height: size?.height ?? null,
    bytes: bytes.length,
    blueBackground: blueShare === null ? null : !problems.some((p) => p.code === "background"),
  };
}
