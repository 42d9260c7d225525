import { type PortraitOptions, portraitJpeg as studioPortrait } from "../src/demo/portrait-jpeg";

/**
 * For tests: a portrait as a photo studio takes it, with a camera's texture (so a file of a photo's size), 480×640 on
 * 学信网 blue by default: a photo that passes every check.
 */
export function portraitJpeg(options: Omit<PortraitOptions, "texture" | "skin" | "clothes"> = {}): Buffer {
  return studioPortrait({ ...options, texture: true });
}
