import { useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { browserLocale, type Locale } from '@web/shared/i18n/define-messages';
import { LocaleContext } from '@web/shared/i18n/use-t';

/**
 * Each page brings its own texts: `useT(set)` formats the message of the current language itself
 * (FormatJS, react-intl's engine), so the shell holds no catalog of every feature's texts (which put
 * them all in the first download). Dates are formatted by shared/i18n/format.ts with their time zone.
 */
const NO_MESSAGES: Record<string, string> = {};

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => browserLocale());
  const state = useMemo(
    () => ({
      locale,
      setLocale: (next: Locale) => {
        document.documentElement.lang = next; // WCAG 3.1.1: the page's language follows the choice
        setLocaleState(next);
      },
    }),
    [locale],
  );
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return (
    <LocaleContext.Provider value={state}>
      <IntlProvider locale={locale} messages={NO_MESSAGES} defaultLocale={locale} key={locale} textComponent="span">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
