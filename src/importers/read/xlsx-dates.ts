import { attribute, elements } from './xml-text.ts';

/**
 * Dates in xlsx are numbers (days since 1900 or 1904) that only their cell style shows as dates. An ACLED export
 * saved from Excel has `event_date` stored so; handing importers "43646" instead of "2019-06-30" would make every
 * date invalid. So the reader finds the styles whose number format is a date and converts those cells to ISO text.
 */

/** Built-in number formats that show a date (ECMA-376 §18.8.30, plus the East Asian date ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/** True when a custom format code shows a date: it has y or d tokens, or an m that is not minutes. */
export function isDateFormat(code: string): boolean {
  // Drop quoted text, escaped characters and [bracketed] parts (colours, locales, elapsed time).
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  if (/[yd]/.test(bare)) return true;
  // "m" alone is a month unless it sits next to h or s (minutes): m/yy or mmm are dates, h:mm and mm:ss are not.
  return /m/.test(bare) && !/[hs]/.test(bare);
}

/** Indices into <cellXfs> (a cell's `s` attribute) whose number format shows a date. */
export function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const [attributes] of elements(stylesXml, 'numFmt')) {
    const id = Number(attribute(attributes, 'numFmtId'));
    custom.set(id, attribute(attributes, 'formatCode') ?? '');
  }
  const styles = new Set<number>();
  const cellXfs =
    /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const [attributes] of elements(cellXfs, 'xf')) {
    const id = Number(attribute(attributes, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) styles.add(index);
    index++;
  }
  return styles;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 0, given Excel's fictitious 29 February 1900
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * ISO text for a date serial: "YYYY-MM-DD", with "THH:MM:SS" when it has a time of day; null when it is not a
 * plausible date (negative, or past the year 9999).
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  // In the 1900 system serials below 61 count from 31 Dec 1899 (Excel's fictitious 29 Feb 1900 is serial 60).
  const epoch = date1904 ? EPOCH_1904 : serial < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const ms = Math.round((serial * DAY_MS) / 1000) * 1000;
  const iso = new Date(epoch + ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}
