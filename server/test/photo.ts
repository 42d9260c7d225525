import jpeg from "jpeg-js";

/**
 * For tests: a portrait as a photo studio takes it — a plain background, a head and shoulders in the lower middle —
 * encoded as a real JPG. 480×640 on 学信网 blue (67,142,219) by default: a photo that passes every check.
 */
export function portraitJpeg(
  options: { width?: number; height?: number; background?: [number, number, number]; quality?: number } = {},
): Buffer {
  const width = options.width ?? 480;
  const height = options.height ?? 640;
  const [br, bg, bb] = options.background ?? [67, 142, 219];
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const dx = (x - width / 2) / (width * 0.18);
      const dy = (y - height * 0.4) / (height * 0.16);
      const head = dx * dx + dy * dy <= 1;
      const shoulders = y > height * 0.62 && Math.abs(x - width / 2) < width * (0.2 + (y / height - 0.62) * 0.9);
      // A little texture, as a camera gives, so the file has a photo's size rather than a flat colour's.
      const noise = ((x * 7 + y * 13) % 11) - 5;
      const [r, g, b] = head ? [230, 190, 160] : shoulders ? [30, 30, 40] : [br, bg, bb];
      data[i] = Math.max(0, Math.min(255, r + noise));
      data[i + 1] = Math.max(0, Math.min(255, g + noise));
      data[i + 2] = Math.max(0, Math.min(255, b + noise));
      data[i + 3] = 255;
    }
  return jpeg.encode({ width, height, data }, options.quality ?? 85).data;
}
