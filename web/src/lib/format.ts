/** Numbers and dates per locale, through Intl (fr-FR, en-GB). Dates are calendar days: formatted in UTC. */
export type Lang = 'fr' | 'en';

const TAG: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export interface Formatter {
  lang: Lang;
  tag: string;
  number: (n: number) => string;
  /** Coordinates: four decimals. */
  number4: (n: number) => string;
  percent: (ratio: number) => string;
  signedPercent: (ratio: number) => string;
  /** "6 janv. 1997" / "6 Jan 1997" from YYYY-MM-DD (a YYYY-MM value gives the month). */
  date: (iso: string | null | undefined) => string;
  longDate: (iso: string | null | undefined) => string;
  month: (value: Date | string) => string;
  dateTime: (iso: string | null | undefined) => string;
  bytes: (n: number) => string;
}

const cache = new Map<Lang, Formatter>();

function parseDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatter(lang: Lang): Formatter {
  const found = cache.get(lang);
  if (found) return found;
  const tag = TAG[lang];
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(tag, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const day = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const long = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const stamp = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const mb = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const four = new Intl.NumberFormat(tag, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const f: Formatter = {
    lang,
    tag,
    number: (n) => int.format(n),
    number4: (n) => four.format(n),
    percent: (r) => pct.format(r),
    signedPercent: (r) => signed.format(r),
    date: (iso) => (!iso ? '—' : iso.length === 7 ? month.format(parseDay(iso)) : day.format(parseDay(iso))),
    longDate: (iso) => (!iso ? '—' : long.format(parseDay(iso))),
    month: (v) => month.format(typeof v === 'string' ? parseDay(v) : v),
    dateTime: (iso) => (!iso ? '—' : stamp.format(new Date(iso))),
    bytes: (n) => (n < 1024 * 1024 ? `${mb.format(n / 1024)} kB` : `${mb.format(n / 1024 / 1024)} MB`),
  };
  cache.set(lang, f);
  return f;
}
