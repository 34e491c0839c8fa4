import type { Offer } from '@kadr/contracts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale, localized } from '../i18n';

/**
 * Where an offer's practice takes place and what a student should know or have before it, in the reader's language
 * (localized(): the reader's, else Russian, Kazakh, English); nothing for a text empty in every language.
 */
export function OfferTerms({
  offer,
  size = 'sm',
}: {
  offer: Pick<Offer, 'location' | 'prerequisites'>;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const place = localized(offer.location, locale);
  const prerequisites = localized(offer.prerequisites, locale);
  return (
    <>
      {place ? (
        <Text size={size} data-testid="offer-location">
          {t('practice.location')}: {place}
        </Text>
      ) : null}
      {prerequisites ? (
        <Text size={size} style={{ whiteSpace: 'pre-line' }} data-testid="offer-prerequisites">
          {t('offers.prerequisitesShort')}: {prerequisites}
        </Text>
      ) : null}
    </>
  );
}
