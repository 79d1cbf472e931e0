/** An sRGB colour with channels in 0…1. */
export type Rgb = readonly [number, number, number];

/** A CIELAB colour (D65 white). */
export interface Lab {
  l: number;
  a: number;
  b: number;
}

/** The colour-vision deficiencies the palette is checked against. */
export type ColourVisionDeficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/** How a colour is seen: with typical vision or with one deficiency at full severity. */
export type Vision = 'normal' | ColourVisionDeficiency;

type Matrix = readonly [Rgb, Rgb, Rgb];

// Machado, Oliveira & Fernandes (2009), severity 1.0; they act on linear RGB, not on gamma-encoded sRGB.
const MACHADO_2009: Record<ColourVisionDeficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const SRGB_TO_XYZ: Matrix = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
];

const D65_WHITE: Rgb = [0.95047, 1, 1.08883];

/** Parses `#rrggbb` (or `#rgb`) into sRGB channels; throws on anything else. */
export function parseHexColour(hex: string): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  if (short) {
    const [, r = '', g = '', b = ''] = short;
    return [channel(r + r), channel(g + g), channel(b + b)];
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!long) throw new Error(`Not a hex colour: ${hex}`);
  return [channel(long[1] ?? ''), channel(long[2] ?? ''), channel(long[3] ?? '')];
}

function channel(pair: string): number {
  return Number.parseInt(pair, 16) / 255;
}

function toLinear(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function toGamma(value: number): number {
  return value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function multiply(matrix: Matrix, vector: Rgb): Rgb {
  const [r0, r1, r2] = matrix;
  return [
    r0[0] * vector[0] + r0[1] * vector[1] + r0[2] * vector[2],
    r1[0] * vector[0] + r1[1] * vector[1] + r1[2] * vector[2],
    r2[0] * vector[0] + r2[1] * vector[1] + r2[2] * vector[2],
  ];
}

/** Simulates how a colour looks with a full deficiency (Machado 2009, in linear RGB). */
export function simulateColourVision(colour: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return colour;
  const linear: Rgb = [toLinear(colour[0]), toLinear(colour[1]), toLinear(colour[2])];
  const seen = multiply(MACHADO_2009[vision], linear);
  return [toGamma(clamp01(seen[0])), toGamma(clamp01(seen[1])), toGamma(clamp01(seen[2]))];
}

/** Converts sRGB to CIELAB under D65. */
export function toLab(colour: Rgb): Lab {
  const xyz = multiply(SRGB_TO_XYZ, [toLinear(colour[0]), toLinear(colour[1]), toLinear(colour[2])]);
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const fx = f(xyz[0] / D65_WHITE[0]);
  const fy = f(xyz[1] / D65_WHITE[1]);
  const fz = f(xyz[2] / D65_WHITE[2]);
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

function degrees(radians: number): number {
  return (radians * 180) / Math.PI;
}

function radians(deg: number): number {
  return (deg * Math.PI) / 180;
}

function hueAngle(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = degrees(Math.atan2(b, a));
  return h < 0 ? h + 360 : h;
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), kL = kC = kH = 1. */
export function deltaE2000(first: Lab, second: Lab): number {
  const c1 = Math.hypot(first.a, first.b);
  const c2 = Math.hypot(second.a, second.b);
  const meanC = (c1 + c2) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const a1 = (1 + g) * first.a;
  const a2 = (1 + g) * second.a;
  const cp1 = Math.hypot(a1, first.b);
  const cp2 = Math.hypot(a2, second.b);
  const hp1 = hueAngle(first.b, a1);
  const hp2 = hueAngle(second.b, a2);

  const deltaL = second.l - first.l;
  const deltaC = cp2 - cp1;
  let deltaHue = 0;
  if (cp1 * cp2 !== 0) {
    deltaHue = hp2 - hp1;
    if (deltaHue > 180) deltaHue -= 360;
    else if (deltaHue < -180) deltaHue += 360;
  }
  const deltaH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(radians(deltaHue / 2));

  const meanL = (first.l + second.l) / 2;
  const meanCp = (cp1 + cp2) / 2;
  let meanH = hp1 + hp2;
  if (cp1 * cp2 !== 0) {
    if (Math.abs(hp1 - hp2) <= 180) meanH = (hp1 + hp2) / 2;
    else meanH = hp1 + hp2 < 360 ? (hp1 + hp2 + 360) / 2 : (hp1 + hp2 - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos(radians(meanH - 30)) +
    0.24 * Math.cos(radians(2 * meanH)) +
    0.32 * Math.cos(radians(3 * meanH + 6)) -
    0.2 * Math.cos(radians(4 * meanH - 63));
  const deltaTheta = 30 * Math.exp(-(((meanH - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(meanCp ** 7 / (meanCp ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (meanL - 50) ** 2) / Math.sqrt(20 + (meanL - 50) ** 2);
  const sc = 1 + 0.045 * meanCp;
  const sh = 1 + 0.015 * meanCp * t;
  const rt = -Math.sin(radians(2 * deltaTheta)) * rc;
  return Math.sqrt(
    (deltaL / sl) ** 2 + (deltaC / sc) ** 2 + (deltaH / sh) ** 2 + rt * (deltaC / sc) * (deltaH / sh),
  );
}

/** CIEDE2000 difference between two hex colours as seen with the given vision. */
export function perceivedDifference(first: string, second: string, vision: Vision): number {
  const a = toLab(simulateColourVision(parseHexColour(first), vision));
  const b = toLab(simulateColourVision(parseHexColour(second), vision));
  return deltaE2000(a, b);
}
