import type { Locale } from './define-messages';

// Everyone works in Dutch time; dates without a time (YYYY-MM-DD) are calendar days, never shifted.
export const TIME_ZONE = 'Europe/Amsterdam';
const TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return TAGS[locale];
}

/** Making an Intl.DateTimeFormat costs far more than using one: one per language and style, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = make()));
  return found;
}

/** '2026-12-14' → '14 december 2026' / '14 December 2026', the same day in every time zone. */
export function formatDay(day: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const month = style === 'long' ? 'long' : 'short';
  return formatter(
    `day ${locale} ${month}`,
    () => new Intl.DateTimeFormat(TAGS[locale], { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }),
  ).format(date);
}

/** An instant (ISO date-time) in Amsterdam time: '1 december 2026 om 23:05'. */
export function formatDateTime(iso: string, locale: Locale): string {
  return formatter(
    `instant ${locale}`,
    () => new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }),
  ).format(new Date(iso));
}

/** Today's calendar day in Amsterdam, as YYYY-MM-DD. */
export function todayInAmsterdam(now: Date = new Date()): string {
  const parts = formatter(
    'today',
    () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}
