/**
 * `npm run icons`: renders assets/icon.svg (the one drawn source) into the
 * PNGs the web app manifest, iOS and browsers ask for, and a favicon.ico that
 * wraps the 32-pixel PNG. The outputs are committed in public/; rerun after
 * changing the SVG.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { root } from "./lib/env-files";

const svg = fs.readFileSync(path.join(root, "assets/icon.svg"));
const out = path.join(root, "public");
const BACKGROUND = "#225756";

async function square(size: number, file: string) {
  await sharp(svg, { density: 72 * (size / 512) * 4 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, file));
}

/** Maskable: the artwork inside the central 80% safe zone, on a full-bleed background. */
async function maskable(size: number, file: string) {
  const inner = Math.round(size * 0.8);
  const art = await sharp(svg, { density: 72 * (inner / 512) * 4 }).resize(inner, inner).png().toBuffer();
  await sharp({ create: { width: size, height: size, channels: 4, background: BACKGROUND } })
    .composite([{ input: art, gravity: "centre" }])
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, file));
}

/** An .ico holding one PNG image (supported by every browser since IE 11). */
function ico(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt8(0, 2);
  entry.writeUInt8(0, 3);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, png]);
}

await square(192, "icons/icon-192.png");
await square(512, "icons/icon-512.png");
await maskable(512, "icons/icon-maskable-512.png");
// iOS draws its own rounded corners and shows transparency as black: full bleed.
await maskable(180, "icons/apple-touch-icon.png");
await square(32, "icons/favicon-32.png");
const favicon = await sharp(svg, { density: 72 }).resize(32, 32).png({ compressionLevel: 9 }).toBuffer();
fs.writeFileSync(path.join(out, "favicon.ico"), ico(favicon, 32));
fs.copyFileSync(path.join(root, "assets/icon.svg"), path.join(out, "icons/icon.svg"));
console.log("Icons written to public/icons and public/favicon.ico");
