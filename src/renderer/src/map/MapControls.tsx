import { useTranslation } from 'react-i18next';

/** Zoom and reset-view buttons, translated and reachable by keyboard. */
export function MapControls({ onZoomIn, onZoomOut, onReset }: { onZoomIn: () => void; onZoomOut: () => void; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="map-controls" role="group" aria-label={t('map.controls')}>
      <button type="button" onClick={onZoomIn} aria-label={t('map.zoomIn')} title={t('map.zoomIn')}>
        +
      </button>
      <button type="button" onClick={onZoomOut} aria-label={t('map.zoomOut')} title={t('map.zoomOut')}>
        −
      </button>
      <button type="button" onClick={onReset} aria-label={t('map.resetView')} title={t('map.resetView')}>
        ⌂
      </button>
    </div>
  );
}
