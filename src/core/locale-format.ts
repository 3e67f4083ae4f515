import type { Language } from './domain.js';

/** Whose conventions numbers and dates follow for readers of each language (the product's English is British). */
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat(LOCALES.fr),
  en: new Intl.NumberFormat(LOCALES.en),
};

/** A number as its readers write it: "4 000" (narrow no-break space) in French, "4,000" in English. */
export function formatNumber(value: number, lang: Language): string {
  return NUMBER_FORMATS[lang].format(value);
}

/**
 * A stored timestamp (ISO 8601) as its readers write a date and time, in this machine's time zone, named so
 * that a reader elsewhere is not misled: "4 mars 2025 à 11:00 UTC+1", "4 March 2025 at 11:00 CET".
 */
export function formatDateTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  // Intl throws on an invalid date; a stored value that is not one is shown as stored rather than lost.
  if (Number.isNaN(date.getTime())) return iso;
  // Made at each call, so that it follows the process's time zone (TZ) as it is now.
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}
