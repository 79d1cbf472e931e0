import { describe, expect, it } from 'vitest';
import {
  frameBox,
  freeInsets,
  homeCamera,
  HOME_LONGITUDE,
  latitudeOf,
  longitudeOf,
  mercatorX,
  mercatorY,
  minZoomFor,
  nearestCopy,
  NO_INSETS,
  revealOffset,
  unwrapBox,
  wrapLongitude,
  type Camera,
  type Insets,
  type Size,
} from './camera';

/** Where a longitude/latitude lands on a map of `size` under `camera` (512-pixel tiles), as MapLibre draws it. */
function project(camera: Camera, size: Size, lon: number, lat: number): { x: number; y: number } {
  const world = 512 * 2 ** camera.zoom;
  return {
    x: size.width / 2 + (mercatorX(lon) - mercatorX(camera.center[0])) * world,
    y: size.height / 2 + (mercatorY(lat) - mercatorY(camera.center[1])) * world,
  };
}

describe('Mercator', () => {
  it('goes there and back', () => {
    for (const lat of [-80, -33.9, 0, 37.5, 80]) expect(latitudeOf(mercatorY(lat))).toBeCloseTo(lat, 9);
    for (const lon of [-180, -77, 0, 127, 190]) expect(longitudeOf(mercatorX(lon))).toBeCloseTo(lon, 9);
  });
});

describe('nearestCopy()', () => {
  it('picks the copy of a longitude within 180° of the view', () => {
    // Washington seen from a view centred on the Pacific: east of Korea, past 180.
    expect(nearestCopy(-77, 150)).toBe(283);
    // London from the same view stays west.
    expect(nearestCopy(-0.1, 150)).toBe(-0.1);
    expect(nearestCopy(127, -100)).toBe(-233);
    expect(nearestCopy(10, 10)).toBe(10);
    expect(nearestCopy(10, 730)).toBe(730);
  });

  it('wraps back into -180..180 for what is stored', () => {
    expect(wrapLongitude(283)).toBe(-77);
    expect(wrapLongitude(-200)).toBe(160);
    expect(wrapLongitude(180)).toBe(180);
    expect(wrapLongitude(-180)).toBe(-180);
    expect(wrapLongitude(540)).toBe(180);
    expect(wrapLongitude(127.5)).toBe(127.5);
  });
});

describe('unwrapBox()', () => {
  it('runs a box across the antimeridian on past 180 and moves it to the copy nearest the view', () => {
    // Russia's largest part: from Kaliningrad's east to Chukotka.
    expect(unwrapBox([27, 41, -169, 78], 100)).toEqual([27, 41, 191, 78]);
    // The contiguous United States seen from Korea: east across the Pacific.
    expect(unwrapBox([-125, 24, -67, 49], 150)).toEqual([235, 24, 293, 49]);
    // …and from the Atlantic, where it is.
    expect(unwrapBox([-125, 24, -67, 49], -30)).toEqual([-125, 24, -67, 49]);
  });
});

describe('freeInsets()', () => {
  const size = { width: 1000, height: 750 };

  it('is the whole map when nothing covers it', () => {
    expect(freeInsets(size, [])).toEqual(NO_INSETS);
  });

  it('keeps clear of a panel on the right and a legend bar at the bottom', () => {
    const panel = { left: 568, top: 12, width: 420, height: 726 };
    const legend = { left: 12, top: 630, width: 544, height: 108 };
    expect(freeInsets(size, [panel, legend])).toEqual({ left: 0, top: 0, right: 432, bottom: 120 });
  });

  it('cuts a small box in a corner off by the side that leaves most', () => {
    const controls = { left: 12, top: 12, width: 34, height: 110 };
    expect(freeInsets(size, [controls])).toEqual({ left: 46, top: 0, right: 0, bottom: 0 });
  });

  it('ignores what lies outside the map or has no size', () => {
    expect(freeInsets(size, [{ left: 1200, top: 0, width: 100, height: 100 }, { left: 10, top: 10, width: 0, height: 300 }])).toEqual(NO_INSETS);
  });
});

describe('minZoomFor()', () => {
  it('is the zoom at which one copy of the world fills the width', () => {
    expect(minZoomFor(512)).toBe(0);
    expect(minZoomFor(1024)).toBe(1);
    expect(512 * 2 ** minZoomFor(1000)).toBeCloseTo(1000, 9);
  });
});

describe('homeCamera()', () => {
  const size = { width: 1000, height: 754 };

  it('centres on the Pacific with the whole world once across the width', () => {
    const home = homeCamera(size);
    expect(home.center[0]).toBeCloseTo(HOME_LONGITUDE, 9);
    expect(home.zoom).toBeCloseTo(minZoomFor(1000), 9);
    // Korea left of the middle, Europe at the left edge, the east of the Americas at the right.
    const seoul = project(home, size, 127, 37.5);
    expect(seoul.x).toBeGreaterThan(350);
    expect(seoul.x).toBeLessThan(500);
    expect(project(home, size, -9.5, 39).x).toBeGreaterThan(0);
    expect(project(home, size, nearestCopy(-34.8, HOME_LONGITUDE), -7).x).toBeLessThan(1000);
    // From Svalbard to Cape Horn in sight.
    expect(project(home, size, 0, 78).y).toBeGreaterThanOrEqual(0);
    expect(project(home, size, 0, -56).y).toBeLessThanOrEqual(754);
  });

  it('keeps those latitudes above a legend along the bottom', () => {
    const insets: Insets = { top: 0, right: 0, bottom: 120, left: 0 };
    const home = homeCamera(size, insets);
    expect(home.center[0]).toBeCloseTo(HOME_LONGITUDE, 9);
    expect(project(home, size, 0, -56).y).toBeLessThanOrEqual(754 - 120);
    expect(project(home, size, 0, 78).y).toBeGreaterThanOrEqual(0);
  });
});

describe('frameBox()', () => {
  const size = { width: 1000, height: 750 };
  const insets: Insets = { top: 0, right: 432, bottom: 120, left: 46 };
  const within = (point: { x: number; y: number }) => {
    expect(point.x).toBeGreaterThanOrEqual(insets.left);
    expect(point.x).toBeLessThanOrEqual(size.width - insets.right);
    expect(point.y).toBeGreaterThanOrEqual(insets.top);
    expect(point.y).toBeLessThanOrEqual(size.height - insets.bottom);
  };

  it('puts the whole box, and its middle at the middle, of the part the panel and legend leave', () => {
    const honshu: [number, number, number, number] = [130.9, 33.4, 142.1, 41.6];
    const camera = frameBox(honshu, size, insets, { maxZoom: 6, minZoom: 1 });
    within(project(camera, size, honshu[0], honshu[3]));
    within(project(camera, size, honshu[2], honshu[1]));
    const middle = project(camera, size, (honshu[0] + honshu[2]) / 2, latitudeOf((mercatorY(honshu[1]) + mercatorY(honshu[3])) / 2));
    expect(middle.x).toBeCloseTo((46 + 568) / 2, 6);
    expect(middle.y).toBeCloseTo(630 / 2, 6);
  });

  it('frames a box that crosses the antimeridian from the side it is seen from', () => {
    const russia = unwrapBox([27, 41, -169, 78], 150);
    const camera = frameBox(russia, size, insets, { maxZoom: 6, minZoom: 0.97 });
    within(project(camera, size, 27, 60));
    within(project(camera, size, 191, 66));
  });

  it('stops at maxZoom for a speck and at minZoom for more than the map holds', () => {
    expect(frameBox([7.41, 43.72, 7.44, 43.75], size, insets, { maxZoom: 6, minZoom: 1 }).zoom).toBe(6);
    expect(frameBox([-170, -60, 170, 80], size, insets, { maxZoom: 6, minZoom: 1 }).zoom).toBe(1);
  });
});

describe('revealOffset()', () => {
  const size = { width: 1000, height: 750 };
  const insets: Insets = { top: 0, right: 432, bottom: 0, left: 0 };

  it('leaves a point in the free part where it is', () => {
    expect(revealOffset({ x: 300, y: 300 }, size, insets)).toBeNull();
  });

  it('brings a point under the panel to the middle of the free part', () => {
    expect(revealOffset({ x: 800, y: 300 }, size, insets)).toEqual({ dx: 800 - 284, dy: 300 - 375 });
  });
});
