// The bare baseline: MapLibre from its own distribution files, one GeoJSON source, one fill layer
// coloured per country the plain way (a match expression), nothing else. It offers the bench the
// same handles the app's probe does, plus the setPaintProperty recolour the app avoids.
import { Map as MapLibreMap, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';

setWorkerUrl(new URL('/maplibre/maplibre-gl-worker.mjs', location.href).href);

// The app's initial view, so both draw the same part of the world.
const WORLD = [
  [-170, -57],
  [180, 80],
];

const params = new URLSearchParams(location.search);
const config = JSON.parse(document.getElementById('config').textContent);
const container = document.getElementById('map');
// Sized like the app's map canvas, so both render the same number of pixels.
if (params.has('w')) container.style.width = `${params.get('w')}px`;
if (params.has('h')) container.style.height = `${params.get('h')}px`;

/** ['match', id, [ids of one colour], colour, …, neutral]: the usual way to colour by data. */
function fillColour(fills, neutral) {
  const byColour = new Map();
  for (const [id, colour] of Object.entries(fills)) byColour.set(colour, [...(byColour.get(colour) ?? []), id]);
  if (byColour.size === 0) return neutral;
  return ['match', ['get', 'id'], ...[...byColour].flatMap(([colour, ids]) => [ids, colour]), neutral];
}

const map = new MapLibreMap({
  container,
  style: {
    version: 8,
    sources: { shapes: { type: 'geojson', data: new URL(params.get('geo') ?? '/geo/shapes-50m.json', location.href).href, promoteId: 'id' } },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': config.ocean } },
      { id: 'fill', type: 'fill', source: 'shapes', paint: { 'fill-color': fillColour(config.fills, config.neutral) } },
    ],
  },
  bounds: WORLD,
  fitBoundsOptions: { padding: 12 },
  renderWorldCopies: false,
  attributionControl: false,
  dragRotate: false,
  maxZoom: 9,
  minZoom: 0.5,
});

let pendingDimmed = [];

/** The setPaintProperty way to dim countries: a new expression, so MapLibre lays the source out again. */
function recolour() {
  const opacity = pendingDimmed.length === 0 ? 1 : ['match', ['get', 'id'], pendingDimmed, 0.2, 1];
  map.setPaintProperty('fill', 'fill-opacity', opacity);
}
document.getElementById('recolour').addEventListener('click', recolour);

// Metric 6's floor: what a keystroke's frame costs with the map on screen when the page only echoes it.
const echo = document.getElementById('echo');
document.getElementById('keys').addEventListener('input', (event) => {
  echo.textContent = event.target.value;
});

const bare = {
  map,
  createdAt: performance.now(),
  firstIdleAt: null,
  whenIdle() {
    return new Promise((resolve) => {
      if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
      else map.once('idle', () => resolve());
    });
  },
  view() {
    const center = map.getCenter();
    return { center: [center.lng, center.lat], zoom: map.getZoom() };
  },
  /** What the app's WorldMap.flyTo does for a country: same padding, same camera call. */
  fitCountry(bbox, labelPoint, rightInset) {
    const [west, south, east, north] = bbox;
    const padding = { top: 40, bottom: 40, left: 40, right: 40 + rightInset };
    if (west > east || east - west > 170) {
      map.flyTo({ center: labelPoint, zoom: 2.5, padding });
      return;
    }
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding, maxZoom: 6 },
    );
  },
  /**
   * Arms one measured recolour: resolves once a click on the button has been applied and drawn.
   * setPaintProperty shows nothing until the source is laid out again, so "drawn" is the first idle
   * after the click, then the end of that frame (a message posted from it runs after the paint).
   */
  armRecolour(dimmed) {
    pendingDimmed = dimmed;
    return new Promise((resolve) => {
      let clickAt = Number.NaN;
      addEventListener('click', (event) => (clickAt = event.timeStamp), { capture: true, once: true });
      addEventListener(
        'click',
        () => {
          const handledAt = performance.now();
          map.once('idle', () => {
            const frameAt = performance.now();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ clickAt, handledAt, frameAt, paintedAt: performance.now() });
            channel.port2.postMessage(null);
          });
        },
        { once: true },
      );
    });
  },
};
map.once('idle', () => (bare.firstIdleAt = performance.now()));
map.on('error', (event) => console.error(event.error));
window.__bare = bare;
