import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The parts of the window that fail on their own: one failing leaves the others working. */
export type Region = 'map' | 'panel' | 'compare' | 'sidebar' | 'dialog';

interface RegionBoundaryProps {
  region: Region;
  children: ReactNode;
  /** Leaves what failed (closes the panel or the dialog); offered beside Try again when given. */
  onClose?: () => void;
  /** Told once when the region fails (the panel uses it not to reopen a failed country next start). */
  onError?: (error: Error) => void;
  /** A new value starts the region again (another country chosen, say). */
  resetKey?: unknown;
}

interface RegionBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Catches what a region throws while rendering, so one bad note or document cannot unmount the
 * whole window: the region shows what failed, translated, with Try again (and Close where it can be
 * left), and the rest of the window keeps working.
 */
export class RegionBoundary extends Component<RegionBoundaryProps, RegionBoundaryState> {
  override state: RegionBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<RegionBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: RegionBoundaryProps, state: RegionBoundaryState): Partial<RegionBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.region} region failed:`, error, info.componentStack);
    this.props.onError?.(error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <RegionFailure region={this.props.region} error={error} onRetry={() => this.setState({ error: null })} onClose={this.props.onClose} />;
  }
}

function RegionFailure({ region, error, onRetry, onClose }: { region: Region; error: Error; onRetry: () => void; onClose: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className={`region-failure region-failure-${region}`} role="alert" data-region={region}>
      <p>
        <strong>{t(`app.failure.${region}`)}</strong>
      </p>
      <p className="muted">{t('app.failure.detail', { message: error.message })}</p>
      <p className="region-failure-actions">
        <button type="button" onClick={onRetry}>
          {t('app.failure.retry')}
        </button>
        {onClose && (
          <button type="button" onClick={onClose}>
            {t('app.failure.close')}
          </button>
        )}
      </p>
    </div>
  );
}
