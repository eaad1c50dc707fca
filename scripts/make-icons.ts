// Draws the toolbar icons (a chain of three links on green) as PNGs, with no image tools needed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const s = size;
  const buf = png(s, (x, y) => {
    const u = (x + 0.5) / s;
    const v = (y + 0.5) / s;
    const r = 0.18;
    const inside = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0) ** 2 + Math.max(Math.abs(v - 0.5) - (0.5 - r), 0) ** 2 <= r * r;
    if (!inside) return [0, 0, 0, 0];
    // Three rings along the diagonal: the chain of transmitters an isnad names.
    for (const c of [0.3, 0.5, 0.7]) {
      const d = Math.hypot(u - c, v - (1 - c));
      if (d > 0.085 && d < 0.14) return [255, 255, 255, 255];
    }
    return [11, 110, 79, 255];
  });
  writeFileSync(`public/icon/${size}.png`, buf);
}
console.log('icons written');
