import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentTimeZone } from './format';

/** A line under a page title saying in which time zone the page's times are (the university's). */
export function TimeZoneNote() {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" size="sm" data-testid="time-zone-note">
      {t('app.timesIn', { zone: currentTimeZone() })}
    </Text>
  );
}
