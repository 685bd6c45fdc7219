/// <reference types="node" />
/**
 * Writes PaperSift's icons, public/icon/<size>.png, at every size the stores ask for (16, 32, 48, 96, 128); WXT
 * puts them in the manifest. Drawn here, antialiased by 4×4 supersampling, and encoded with node's zlib, so no image
 * tool is needed: `npx tsx scripts/make-icons.ts`.
 *
 * The picture: a rounded square in PaperSift's blue with a white sieve (three bars, each shorter than the last) and
 * one amber dot falling through it: papers sifted down to the ones that matter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ROOT } from './lib/paths';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
type RGBA = [number, number, number, number];
const BLUE: RGBA = [37, 99, 235, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const AMBER: RGBA = [245, 158, 11, 255];

/** The colour at (x, y) in a 1×1 unit square, or null outside the icon. */
function paint(x: number, y: number): RGBA | null {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bars = [
    { y: 0.22, half: 0.3 },
    { y: 0.4, half: 0.22 },
    { y: 0.58, half: 0.14 },
  ];
  for (const b of bars) if (Math.abs(y - b.y) < 0.055 && Math.abs(x - 0.5) < b.half) return WHITE;
  if ((x - 0.5) ** 2 + (y - 0.78) ** 2 < 0.085 ** 2) return AMBER;
  return BLUE;
}

export function drawIcon(size: number): Buffer {
  const S = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = paint((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += c[3];
        }
      }
      const n = S * S;
      const cover = a / 255; // premultiplied sums → straight alpha
      row.set(cover ? [Math.round(r / cover), Math.round(g / cover), Math.round(b / cover), Math.round(a / n)] : [0, 0, 0, 0], 1 + px * 4);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** An 8-bit RGBA PNG from filtered scanlines. */
function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dir = join(ROOT, 'public', 'icon');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(join(dir, `${size}.png`), drawIcon(size));
  console.log(`wrote public/icon/{${ICON_SIZES.join(',')}}.png`);
}
