/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before them) as a formula; a crafted
 * actor name or note could then exfiltrate data from the analyst's machine. Text cells are prefixed with a
 * quote (OWASP's advice); numbers are written as numbers and need no guard.
 *
 * Beyond OWASP's list (= + - @ tab CR), a cell is also guarded when it starts with a line feed or NUL (ASVS
 * 1.2.10 names NUL), when the formula character comes after leading spaces, controls or invisible characters
 * (some importers trim them), and for the full-width and small-form look-alikes (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫) and the
 * minus sign − that East Asian input methods type and some spreadsheets read as their ASCII forms.
 */
const LEADING_IGNORABLE =
  '[\\s\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u2028-\\u202f\\u2060-\\u206f\\ufeff]';
const FORMULA_CHARACTER = '[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b\\u2212]';
const FORMULA_START = new RegExp(`^(?:[\\t\\r\\n\\u0000]|${LEADING_IGNORABLE}*${FORMULA_CHARACTER})`);

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell: text neutralised and quoted when needed (RFC 4180), numbers and empty values as they are. A cell
 * holding a semicolon or a tab is quoted too: French-locale Excel splits an unquoted comma CSV on semicolons, and
 * "a;=1" would otherwise become a second cell starting with =.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const safe = neutraliseFormula(value);
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
