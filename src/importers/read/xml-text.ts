/**
 * The little XML an xlsx needs, done with regular expressions over known, machine-written parts: attribute values,
 * text of <t> elements, and entity decoding. Element names may carry a namespace prefix ("x:c"), which some
 * writers (the .NET Open XML SDK) use, so every pattern accepts one.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Excel writes control characters as _xHHHH_ (and a literal "_x" as _x005F_x). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function codePoint(hex: string | undefined, decimal: string | undefined): string {
  const value = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal ?? '', 10);
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '\uFFFD';
}

/** Decodes XML entities and character references. */
export function xmlUnescape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY,
    (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
      name !== undefined ? (NAMED[name] as string) : codePoint(hex, decimal),
  );
}

/** Decodes the text of a cell string: XML entities, then Excel's _xHHHH_ escapes. */
export function cellText(raw: string): string {
  const text = xmlUnescape(raw);
  if (!text.includes('_x')) return text;
  return text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attributePatterns = new Map<string, RegExp>();

/** Value of attribute `name` (any prefix) in an element's attribute text, entity-decoded; null when absent. */
export function attribute(attributes: string, name: string): string | null {
  let pattern = attributePatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (match === null) return null;
  return xmlUnescape(match[1] ?? match[2] ?? '');
}

const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;

/** Concatenated text of the <t> elements of a rich or plain string (<si> or <is>), without phonetic runs. */
export function stringItemText(xml: string): string {
  const source = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  for (const match of source.matchAll(TEXT)) text += match[1] ?? '';
  return cellText(text);
}

/** Each element `name` (any prefix) with its attribute text and content (null when self-closing). */
export function* elements(
  xml: string,
  name: string,
): Generator<[attributes: string, content: string | null]> {
  const pattern = new RegExp(
    `<(?:[\\w.-]+:)?${name}(\\s[^>]*?)?(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?${name}>)`,
    'g',
  );
  for (const match of xml.matchAll(pattern)) yield [match[1] ?? '', match[2] ?? null];
}
