import { portraitJpeg } from "./portrait-jpeg";

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
  return looks.map((look) => portraitJpeg({ ...look, quality: 25 }));
}
