#!/usr/bin/env node
// Draws appPackage/color.png (192x192) and appPackage/outline.png (32x32, white on transparent).
// Run once after changing the design: node scripts/draw-icons.js
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

const SUPERSAMPLE = 4;

/** Coverage in [0,1] of a shape function over one pixel, by supersampling. */
function coverage(inside, x, y) {
  let hits = 0;
  for (let i = 0; i < SUPERSAMPLE; i++) {
    for (let j = 0; j < SUPERSAMPLE; j++) {
      if (inside(x + (i + 0.5) / SUPERSAMPLE, y + (j + 0.5) / SUPERSAMPLE)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };
}

const and = (a, b) => (x, y) => a(x, y) && b(x, y);
const or =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const not = (a) => (x, y) => !a(x, y);

/** A phone with a check mark on its screen, in a unit square scaled to `size`. */
function phoneGlyph(size, stroke) {
  const s = (v) => v * size;
  const body = roundedRect(s(0.25), s(0.04), s(0.75), s(0.96), s(0.1));
  const screen = roundedRect(s(0.25) + stroke, s(0.04) + stroke * 2, s(0.75) - stroke, s(0.96) - stroke * 2.6, s(0.03));
  const check = or(
    segment(s(0.36), s(0.5), s(0.46), s(0.62), stroke * 0.75),
    segment(s(0.46), s(0.62), s(0.65), s(0.36), stroke * 0.75),
  );
  const button = roundedRect(s(0.45), s(0.96) - stroke * 1.9, s(0.55), s(0.96) - stroke * 1.1, stroke * 0.4);
  return { frame: and(body, not(screen)), check, button };
}

function write(png, file) {
  fs.writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
  console.log(`wrote ${path.relative(process.cwd(), file)} (${png.width}x${png.height})`);
}

function drawColor(file) {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const background = [0x2b, 0x6c, 0xb0];
  // The symbol sits in the central 96x96 with 48 px padding, per the Teams icon guidance.
  const glyph = phoneGlyph(96, 6);
  const inGlyph = (shape) => (x, y) => shape(x - 48, y - 48);
  const white = or(inGlyph(glyph.frame), inGlyph(glyph.button));
  const green = inGlyph(glyph.check);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const w = coverage(white, x, y);
      const g = coverage(green, x, y);
      const base = background.map((c) => c * (1 - w - g) + 255 * w);
      const checkColor = [0x7f, 0xe0, 0x8a];
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(base[0] + checkColor[0] * g);
      png.data[i + 1] = Math.round(base[1] + checkColor[1] * g);
      png.data[i + 2] = Math.round(base[2] + checkColor[2] * g);
      png.data[i + 3] = 255;
    }
  }
  write(png, file);
}

function drawOutline(file) {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  const glyph = phoneGlyph(32, 2.2);
  const shape = or(glyph.frame, glyph.check, glyph.button);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = coverage(shape, x, y);
      const i = (y * size + x) * 4;
      // White everywhere; only alpha varies, so the background stays fully transparent.
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  write(png, file);
}

const dir = path.join(__dirname, '..', 'appPackage');
drawColor(path.join(dir, 'color.png'));
drawOutline(path.join(dir, 'outline.png'));
