// Draws the add-in's icons (assets/icon-<size>.png) with no image library: a rounded square in
// the brand green with three rising bars (a partner "tier" chart), anti-aliased by supersampling,
// written as RGBA PNGs with zlib. Run `node scripts/make-icons.mjs` after changing the design;
// the PNGs are committed so that builds need nothing but this repository.
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;
const BACKGROUND = [16, 124, 65]; // Excel-like green
const BARS = [255, 255, 255];

/** Shapes in a unit square (0..1): the coverage test for one sample point. */
function roundedSquare(x, y) {
  const radius = 0.18;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const BAR_RECTS = [
  { left: 0.2, right: 0.36, top: 0.58 },
  { left: 0.42, right: 0.58, top: 0.4 },
  { left: 0.64, right: 0.8, top: 0.2 },
].map((bar) => ({ ...bar, bottom: 0.8 }));

function inBar(x, y) {
  return BAR_RECTS.some((bar) => x >= bar.left && x < bar.right && y >= bar.top && y < bar.bottom);
}

function pixels(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let shape = 0;
      let bar = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (roundedSquare(x, y)) {
            shape++;
            if (inBar(x, y)) bar++;
          }
        }
      }
      const offset = (py * size + px) * 4;
      const barShare = shape === 0 ? 0 : bar / shape;
      for (let channel = 0; channel < 3; channel++) {
        rgba[offset + channel] = Math.round(BACKGROUND[channel] * (1 - barShare) + BARS[channel] * barShare);
      }
      rgba[offset + 3] = Math.round((255 * shape) / samples);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function png(size) {
  const rgba = pixels(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const stride = size * 4;
  const scanlines = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(scanlines, y * (stride + 1) + 1, y * stride, (y + 1) * stride); // filter byte 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(resolve(root, "assets"), { recursive: true });
for (const size of SIZES) {
  const file = resolve(root, `assets/icon-${size}.png`);
  writeFileSync(file, png(size));
  console.log(`assets/icon-${size}.png`);
}
