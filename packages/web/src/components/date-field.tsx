import '@mantine/dates/styles.css';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import type { Locale } from '@kadr/contracts';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { datePattern } from './format';
import { fromPickerValue, parseDateText, toPickerValue } from './date-text';

const DAYJS_LOCALE: Record<Locale, string> = { kk: 'kk', ru: 'ru', en: 'en-gb' };

/** The props of {@link DateField}: a Mantine DateInput that keeps the form's plain string value. */
export interface DateFieldProps
  extends Omit<
    DateInputProps,
    'value' | 'onChange' | 'defaultValue' | 'valueFormat' | 'dateParser' | 'withTime'
  > {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` with `withTime`; '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** A date and a time (on the university's clock), as a datetime-local input would give. */
  withTime?: boolean;
}

/**
 * A date (or date-and-time) field in the interface language: typed and shown as `02.09.2024` in kk
 * and ru and `02/09/2024` in en, with a calendar whose month and day names follow the language and
 * whose weeks start on Monday. The native `<input type="date">` followed the browser's language
 * instead (`mm/dd/yyyy` in the Russian interface of an English browser).
 */
export function DateField({ value, onChange, withTime = false, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const format = withTime ? `${datePattern(locale)} HH:mm` : datePattern(locale);
  return (
    <DateInput
      {...rest}
      locale={DAYJS_LOCALE[locale]}
      firstDayOfWeek={1}
      valueFormat={format}
      withTime={withTime}
      placeholder={rest.placeholder ?? t(withTime ? 'dates.dateTimePlaceholder' : 'dates.placeholder')}
      dateParser={(text) => parseDateText(text, withTime)}
      value={toPickerValue(value, withTime)}
      onChange={(picked) => onChange(fromPickerValue(picked, withTime))}
      allowDeselect={rest.clearable ?? false}
    />
  );
}
