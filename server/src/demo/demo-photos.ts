import jpeg from "jpeg-js";

/** 学信网 blue (seed 000 四 备注 蓝底), as the photo collection shoots it. */
const BLUE: [number, number, number] = [67, 142, 219];

/**
 * The demo's graduate photos: a few studio portraits (480×640, 蓝底, head and shoulders, seed 000 四), encoded as real
 * JPGs so that they pass the photo service's checks as an upload does. Plain areas and a low quality keep each file
 * about 11 KB (the demo's 3 500 photos some 20 MB); the variants differ in skin and clothes.
 */
export function demoPortraits(): Buffer[] {
  const looks: Array<{ skin: [number, number, number]; clothes: [number, number, number] }> = [
    { skin: [232, 192, 162], clothes: [28, 30, 42] },
    { skin: [222, 178, 146], clothes: [240, 240, 240] },
    { skin: [238, 200, 172], clothes: [60, 62, 70] },
    { skin: [214, 170, 138], clothes: [20, 40, 80] },
  ];
  return looks.map(({ skin, clothes }) => {
    const width = 480;
    const height = 640;
    const data = Buffer.alloc(width * height * 4);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        const dx = (x - width / 2) / (width * 0.18);
        const dy = (y - height * 0.4) / (height * 0.16);
        const head = dx * dx + dy * dy <= 1;
        const shoulders = y > height * 0.62 && Math.abs(x - width / 2) < width * (0.2 + (y / height - 0.62) * 0.9);
        const [r, g, b] = head ? skin : shoulders ? clothes : BLUE;
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
        data[i + 3] = 255;
      }
    return Buffer.from(jpeg.encode({ width, height, data }, 25).data);
  });
}
