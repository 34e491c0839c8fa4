import type { Locale } from '@kadr/contracts';
import { VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSaveLocale } from '../api/auth';
import { LOCALES } from '../api/vocabulary';
import { errorMessage } from '../components/error-text';
import { applyLocale, currentLocale, isLocale } from '../i18n';

const SHORT: Record<Locale, string> = { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' };
/** Each language is named in itself, so a reader finds their own language whatever is shown now. */
const ENDONYM: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/**
 * The kk / ru / en switch: a radio group (arrow keys move between the languages, as in any radio group) styled as
 * a segmented control by CSS alone (global.css). Mantine's SegmentedControl measured its options on mount to place
 * its sliding indicator, which forced the layout of the whole page before its first paint (200-400 ms on the
 * matrix page, docs/passport.md). Signed in, the choice is saved on the user (PATCH /api/auth/preferences); before
 * sign-in it is kept in this browser only.
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const me = useMe();
  const saveLocale = useSaveLocale();
  const name = useId();
  const current = currentLocale();
  // The language last asked to be saved, while its save is in flight: the user's own (me) is stale until it
  // answers, and compared with it a quick switch back (ru, then en again) was never saved.
  const asked = useRef<Locale | undefined>(undefined);

  const onChange = async (value: string) => {
    if (!isLocale(value)) return;
    await applyLocale(value);
    if (me && (asked.current ?? me.locale) !== value) {
      asked.current = value;
      saveLocale.mutate(value, {
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
        onSettled: () => {
          if (asked.current === value) asked.current = undefined;
        },
      });
    }
  };

  return (
    <fieldset className="bare-fieldset language-switch" data-size={size} data-testid="language-switch">
      <VisuallyHidden component="legend">{t('app.language')}</VisuallyHidden>
      {LOCALES.map((locale) => (
        <label key={locale} className="language-switch-option">
          <input
            type="radio"
            name={name}
            value={locale}
            checked={current === locale}
            onChange={(event) => void onChange(event.currentTarget.value)}
          />
          <span lang={locale} title={ENDONYM[locale]} data-locale={locale}>
            <span aria-hidden="true">{SHORT[locale]}</span>
            <VisuallyHidden>{ENDONYM[locale]}</VisuallyHidden>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
