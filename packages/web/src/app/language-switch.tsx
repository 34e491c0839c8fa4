import type { Locale } from '@kadr/contracts';
import { LOCALES } from '../api/vocabulary';
import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useMe, useSaveLocale } from '../api/auth';
import { errorMessage } from '../components/error-text';
import { applyLocale, currentLocale, isLocale } from '../i18n';

const SHORT: Record<Locale, string> = { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' };
/** Each language is named in itself, so a reader finds their own language whatever is shown now. */
const ENDONYM: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/**
 * The kk / ru / en switch. Signed in, the choice is saved on the user (PATCH /api/auth/preferences);
 * before sign-in it is kept in this browser only.
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const me = useMe();
  const saveLocale = useSaveLocale();

  const onChange = async (value: string) => {
    if (!isLocale(value)) return;
    await applyLocale(value);
    if (me && me.locale !== value) {
      saveLocale.mutate(value, {
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      });
    }
  };

  return (
    <fieldset className="bare-fieldset" data-testid="language-switch">
      <VisuallyHidden component="legend">{t('app.language')}</VisuallyHidden>
      <SegmentedControl
        size={size}
        value={currentLocale()}
        onChange={(value) => void onChange(value)}
        data={LOCALES.map((locale) => ({
          value: locale,
          label: (
            <span lang={locale} title={ENDONYM[locale]} data-locale={locale}>
              <span aria-hidden="true">{SHORT[locale]}</span>
              <VisuallyHidden>{ENDONYM[locale]}</VisuallyHidden>
            </span>
          ),
        }))}
      />
    </fieldset>
  );
}
