#!/usr/bin/env node
// Draws the Qualigrid icon — a white grid with a check mark on a Qualigrid-blue (#1F4E79) rounded
// square — at the sizes the manifest asks for, and writes assets/icon-<size>.png.
// Only Node: pixels are computed here (4×4 supersampling for smooth edges) and encoded as an RGBA PNG
// with zlib. The output is deterministic; the PNGs it writes are committed.
//
//   node scripts/make-icons.mjs           writes the PNGs
//   node scripts/make-icons.mjs --check   exits 1 when a committed PNG differs, pixel for pixel,
//                                         from what this script draws (or is missing, or is not a PNG)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync, inflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4; // per axis

/** Distance from point (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * Colour of one sample point (pixel coordinates, y down) as [r, g, b, a], before averaging.
 * Layers, bottom to top: blue rounded square; white 3×3 grid; blue halo around the check mark, so
 * it stands out from the grid lines; white check mark.
 */
function sample(x, y, size) {
  if (!insideRoundedSquare(x, y, size, size * 0.19)) return [0, 0, 0, 0];
  const s = size;
  // Grid: lines snapped to whole pixels and at least one pixel wide, so 16 px stays crisp.
  const line = Math.max(1, Math.round(s / 20));
  const lo = Math.round(s * 0.2);
  const hi = s - lo;
  const stops = [0, 1, 2, 3].map((i) => Math.round(lo + ((hi - lo - line) * i) / 3));
  const inBox = x >= lo && x < hi && y >= lo && y < hi;
  const onLine = (v) => stops.some((p) => v >= p && v < p + line);
  let colour = inBox && (onLine(x) || onLine(y)) ? WHITE : BLUE;
  // Check mark across the lower right of the grid.
  const pts = [
    [0.36, 0.6],
    [0.5, 0.74],
    [0.84, 0.38],
  ].map(([u, v]) => [u * s, v * s]);
  const d = Math.min(
    segmentDistance(x, y, pts[0][0], pts[0][1], pts[1][0], pts[1][1]),
    segmentDistance(x, y, pts[1][0], pts[1][1], pts[2][0], pts[2][1]),
  );
  const stroke = Math.max(1.6, s * 0.11);
  if (d <= stroke / 2 + Math.max(1, s * 0.05)) colour = BLUE;
  if (d <= stroke / 2) colour = WHITE;
  return [...colour, 255];
}

/** RGBA pixels of the icon at `size`×`size`, rows top to bottom. */
export function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour over the samples, then un-premultiply.
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES, size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes RGBA pixels as a PNG: 8 bits per channel, colour type 6, no filtering. */
export function encodePng(width, height, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth, colour type RGBA, compression, filter, interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter: none
    pixels.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * Reads back a PNG written by encodePng (RGBA, 8 bits, unfiltered rows): width, height and pixels.
 * Throws on anything else, or on a bad CRC.
 */
export function decodeOwnPng(file) {
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG file");
  let offset = 8;
  let width = 0, height = 0;
  const idat = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("latin1", offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (file.readUInt32BE(offset + 8 + length) !== crc32(file.subarray(offset + 4, offset + 8 + length))) {
      throw new Error(`bad CRC in chunk ${type}`);
    }
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error("not 8-bit RGBA, non-interlaced");
    } else if (type === "IDAT") {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + width * 4;
  if (raw.length !== height * stride) throw new Error("unexpected image data length");
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error("filtered rows are not supported");
    raw.copy(pixels, y * width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width, height, pixels };
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const assets = path.join(root, "assets");
  const check = process.argv.includes("--check");
  let failures = 0;
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(assets, `icon-${size}.png`);
    const pixels = drawIcon(size);
    if (!check) {
      writeFileSync(file, encodePng(size, size, pixels));
      console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
      continue;
    }
    try {
      if (!existsSync(file)) throw new Error("missing");
      const png = decodeOwnPng(readFileSync(file));
      if (png.width !== size || png.height !== size) throw new Error(`is ${png.width}×${png.height}, not ${size}×${size}`);
      if (!png.pixels.equals(pixels)) throw new Error("pixels differ from what scripts/make-icons.mjs draws");
    } catch (err) {
      failures++;
      console.error(`${path.relative(process.cwd(), file)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (check && failures > 0) {
    console.error("Run `npm run icons` to redraw the icons.");
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
