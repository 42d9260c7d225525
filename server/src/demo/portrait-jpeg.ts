import jpeg from "jpeg-js";

/** 学信网 blue (seed 000 四 备注 蓝底), as the photo collection shoots it. */
export const XUEXIN_BLUE: [number, number, number] = [67, 142, 219];

type Rgb = [number, number, number];

export interface PortraitOptions {
  width?: number;
  height?: number;
  background?: Rgb;
  skin?: Rgb;
  clothes?: Rgb;
  quality?: number;
  /** A little texture, as a camera gives, so that the file has a photo's size rather than a flat colour's. */
  texture?: boolean;
}

/**
 * A portrait as a photo studio takes it — a plain background, a head and shoulders in the lower middle — encoded as a
 * real JPG: 480×640 on 学信网 blue by default (seed 000 四), a photo that passes every check of the photo service.
 */
export function portraitJpeg(options: PortraitOptions = {}): Buffer {
  const { width = 480, height = 640, background = XUEXIN_BLUE, skin = [230, 190, 160], clothes = [30, 30, 40] } = options;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const dx = (x - width / 2) / (width * 0.18);
      const dy = (y - height * 0.4) / (height * 0.16);
      const head = dx * dx + dy * dy <= 1;
      const shoulders = y > height * 0.62 && Math.abs(x - width / 2) < width * (0.2 + (y / height - 0.62) * 0.9);
      const noise = options.texture ? ((x * 7 + y * 13) % 11) - 5 : 0;
      const [r, g, b] = head ? skin : shoulders ? clothes : background;
      data[i] = Math.max(0, Math.min(255, r + noise));
      data[i + 1] = Math.max(0, Math.min(255, g + noise));
      data[i + 2] = Math.max(0, Math.min(255, b + noise));
      data[i + 3] = 255;
    }
  return Buffer.from(jpeg.encode({ width, height, data }, options.quality ?? 85).data);
}
