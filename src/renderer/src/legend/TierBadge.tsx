import type { Tier } from '../../../shared/atlas';
import type { Language } from '../../../shared/contract';
import { swatchStyle } from './swatch';

/** A tier's colour swatch and name. */
export function TierBadge({ tier, language }: { tier: Tier; language: Language }) {
  return (
    <span className="tier-badge" data-tier={tier.id}>
      <span className="swatch" style={swatchStyle(tier)} aria-hidden="true" />
      {tier.label[language]}
    </span>
  );
}
