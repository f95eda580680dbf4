// Each feature keeps its texts next to its code: Dutch first, English with exactly the same keys
// (the compiler refuses a missing or extra key; src/app/messages.test.ts checks the merged catalog).

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

export interface MessageSet<K extends string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

/** ICU message syntax (FormatJS): `{count, plural, one {# dag} other {# dagen}}`. */
export function defineMessages<const N extends Record<string, string>>(
  nl: N,
  en: { [K in keyof N]: string },
): MessageSet<keyof N & string> {
  return { nl, en } as MessageSet<keyof N & string>;
}

export function toLocale(value: string | null | undefined): Locale {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** Before sign-in: the browser's first language we have, Dutch otherwise. */
export function browserLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Locale {
  for (const l of languages) {
    if (l.toLowerCase().startsWith('nl')) return 'nl';
    if (l.toLowerCase().startsWith('en')) return 'en';
  }
  return 'nl';
}
