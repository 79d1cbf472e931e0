import { useTranslation } from 'react-i18next';

/** Says that a page of passages or events could not be loaded from main, with Try again. */
export function PageError({ error, onRetry }: { error: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="page-error" role="alert">
      {t('pages.failed', { message: error })}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        {t('pages.retry')}
      </button>
    </p>
  );
}
