import { formatDateTime, formatDay } from '../i18n/format';
import { useLocale } from '../i18n/use-t';

/** A calendar day (YYYY-MM-DD) as a <time>, in the page's language. */
export function Day({ value, style }: { value: string; style?: 'long' | 'short' }) {
  const { locale } = useLocale();
  return <time dateTime={value}>{formatDay(value, locale, style)}</time>;
}

/** An instant, in Amsterdam time. */
export function DateTime({ value }: { value: string }) {
  const { locale } = useLocale();
  return <time dateTime={value}>{formatDateTime(value, locale)}</time>;
}
