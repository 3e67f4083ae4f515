import { encodePng, type Raster } from './png.js';

/** The app's accent colour (also `accentColor` in the manifest). */
export const ACCENT_COLOR = '#2B5797';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Shape = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];

const SUPERSAMPLING = 4;
const WHITE: Rgb = [255, 255, 255];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s1 = side(ax, ay, bx, by, x, y);
    const s2 = side(bx, by, cx, cy, x, y);
    const s3 = side(cx, cy, ax, ay, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** A speech bubble (the interview) in unit coordinates 0..1: a rounded body with a tail at bottom left. */
const bubbleBody = (inset: number): Shape =>
  roundedRect(0.12 + inset, 0.16 + inset, 0.88 - inset, 0.7 - inset, 0.12);
const bubbleTail: Shape = triangle(0.26, 0.62, 0.44, 0.62, 0.22, 0.86);
const bubble: Shape = union(bubbleBody(0), bubbleTail);

/** Paints layers (shape, colour) back to front, anti-aliased by supersampling each pixel. */
function paint(size: number, layers: readonly { shape: Shape; color: Rgb }[]): Raster {
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          const top = layers.findLast((layer) => layer.shape(x, y));
          if (!top) continue;
          r += top.color[0];
          g += top.color[1];
          b += top.color[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      // Colour channels average over covered samples only, so edges fade in alpha, not towards black.
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

/** Full-colour icon: a white speech bubble holding a small bar chart, on the accent colour. */
export function colorIcon(): Buffer {
  const accent = hexToRgb(ACCENT_COLOR);
  const bars = union(
    roundedRect(0.3, 0.42, 0.39, 0.58, 0.02),
    roundedRect(0.455, 0.32, 0.545, 0.58, 0.02),
    roundedRect(0.61, 0.26, 0.7, 0.58, 0.02),
  );
  return encodePng(
    paint(COLOR_ICON_SIZE, [
      { shape: roundedRect(0, 0, 1, 1, 0.18), color: accent },
      { shape: bubble, color: WHITE },
      { shape: bars, color: accent },
    ]),
  );
}

/** Outline icon: the same bubble drawn as a white outline on a transparent background, as Teams requires. */
export function outlineIcon(): Buffer {
  return encodePng(paint(OUTLINE_ICON_SIZE, [{ shape: minus(bubble, bubbleBody(0.07)), color: WHITE }]));
}
