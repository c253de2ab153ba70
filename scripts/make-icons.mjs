#!/usr/bin/env node
// Draws the app icon (build/icon.png, 1024x1024 RGBA): a rounded square with a waveform
// whose middle bars are highlighted as a cue, and a text caret through it. Written with
// node:zlib alone so the icon is reproducible without image tools; electron-builder
// derives the .icns and .ico from this PNG.
//   node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 1024;
const px = new Uint8Array(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], a) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || a <= 0) return;
  const i = (y * SIZE + x) * 4;
  const da = px[i + 3] / 255;
  const oa = a + da * (1 - a);
  px[i] = Math.round((r * a + px[i] * da * (1 - a)) / oa);
  px[i + 1] = Math.round((g * a + px[i + 1] * da * (1 - a)) / oa);
  px[i + 2] = Math.round((b * a + px[i + 2] * da * (1 - a)) / oa);
  px[i + 3] = Math.round(oa * 255);
}

/** Fills a rounded rectangle; coverage comes from the signed distance to its edge, which anti-aliases it. */
function roundedRect(x0, y0, x1, y1, radius, colorAt) {
  for (let y = Math.floor(y0) - 1; y <= y1 + 1; y++) {
    for (let x = Math.floor(x0) - 1; x <= x1 + 1; x++) {
      const cx = Math.min(Math.max(x + 0.5, x0 + radius), x1 - radius);
      const cy = Math.min(Math.max(y + 0.5, y0 + radius), y1 - radius);
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - radius;
      const a = Math.min(1, Math.max(0, 0.5 - d));
      if (a > 0) blend(x, y, colorAt(x, y), a);
    }
  }
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));
// Background: deep blue gradient.
roundedRect(64, 64, 960, 960, 200, (x, y) => mix([46, 72, 128], [24, 36, 68], (x + y) / (2 * SIZE)));
// Cue highlight behind the middle bars.
roundedRect(404, 300, 620, 724, 36, () => [255, 196, 92]);
// Waveform bars: a speech-like envelope.
const bars = 17;
for (let k = 0; k < bars; k++) {
  const cx = 192 + k * 40;
  const t = k / (bars - 1);
  const h = 60 + 300 * Math.abs(Math.sin(t * Math.PI * 2.3 + 0.4)) * (0.55 + 0.45 * Math.sin(t * Math.PI));
  const inCue = cx > 404 && cx < 620;
  roundedRect(cx - 12, 512 - h / 2, cx + 12, 512 + h / 2, 12, () => (inCue ? [40, 52, 84] : [206, 220, 245]));
}
// Text caret through the cue edge.
roundedRect(396, 250, 412, 774, 8, () => [224, 83, 47]);

function png(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = fileURLToPath(new URL('../build/icon.png', import.meta.url));
writeFileSync(out, png(SIZE, SIZE, px));
console.log(`wrote ${out}`);
