import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';

/** Says, until dismissed, that the store was unreadable or missing at start and what it was restored from. */
export function RecoveryBanner() {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState<StoreStatus['recovery']>(null);
  useEffect(() => {
    void unwrap(atlas().store.status()).then((status) => setRecovery(status.recovery));
  }, []);
  if (!recovery) return null;
  return (
    <div className="recovery-banner" role="alert">
      <span>
        {recovery.reason === 'unreadable'
          ? t('recovery.message', { path: recovery.movedTo, from: t(`recovery.${recovery.restoredFrom}`) })
          : t('recovery.missingMessage', { from: t(`recovery.${recovery.restoredFrom}`) })}
      </span>
      <button type="button" onClick={() => setRecovery(null)}>
        {t('recovery.dismiss')}
      </button>
    </div>
  );
}
