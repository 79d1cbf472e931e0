// The renderer's automation probe, as the tests see it on `window`.
import type { AtlasProbe } from '../../src/renderer/src/map/probe';

declare global {
  interface Window {
    __atlasProbe?: AtlasProbe;
  }
}
