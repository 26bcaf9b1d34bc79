import { describe, expect, it } from 'vitest';
import { dateStyles, isDateFormat, serialToIso } from './xlsx-dates.ts';
import { columnIndex, SheetRowParser } from './xlsx-sheet.ts';
import type { SheetRow } from './xlsx-sheet.ts';
import { stringItemText, xmlUnescape } from './xml-text.ts';

const context = {
  sharedStrings: ['zero', 'one'],
  dateStyles: new Set([2]),
  serialToDate: (n: number) => serialToIso(n, false),
};

function parse(xml: string, piece: number): SheetRow[] {
  const parser = new SheetRowParser(context);
  const out: SheetRow[] = [];
  for (let at = 0; at < xml.length; at += piece) parser.push(xml.slice(at, at + piece), out);
  return out;
}

describe('SheetRowParser', () => {
  const xml =
    '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>ri</t></r><r><t xml:space="preserve">ch </t></r></is></c></row>' +
    '<row r="3" spans="1:3"/><row><c t="b"><v>1</v></c><c><v>4.5</v></c><c s="2"><v>43646</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>a&amp;b</v></c></row>' +
    '</sheetData><row r="9"><c><v>ignored</v></c></row></worksheet>';

  it('reads cells by their reference, rows by number, whatever the piece size', () => {
    const expected = [
      { row: 1, cells: ['one', '', 'rich '] },
      { row: 3, cells: [] },
      { row: 4, cells: ['TRUE', '4.5', '2019-06-30', '#N/A', 'a&b'] },
    ];
    for (const piece of [1, 2, 7, 64, xml.length]) expect(parse(xml, piece)).toEqual(expected);
  });

  it('refuses a row too large to hold rather than buffering it', () => {
    const parser = new SheetRowParser(context);
    parser.push('<sheetData><row r="1"><c><v>', []);
    const piece = 'x'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 70; i++) parser.push(piece, []);
    }).toThrow(RangeError);
  });

  it("maps column letters and ignores references beyond Excel's last column", () => {
    expect([
      columnIndex('A1', 9),
      columnIndex('Z9', 9),
      columnIndex('AA10', 9),
      columnIndex('XFD1', 9),
    ]).toEqual([0, 25, 26, 16383]);
    expect(columnIndex('ZZZZ1', 9)).toBe(9);
    expect(columnIndex('12', 4)).toBe(4);
  });
});

describe('xml text', () => {
  it('joins rich-text runs without phonetic guides and decodes entities and _xHHHH_', () => {
    expect(
      stringItemText(
        '<r><t>東</t></r><rPh sb="0" eb="1"><t>とう</t></rPh><r><t>京&#x20;&#38;_x0009_</t></r>',
      ),
    ).toBe('東京 &\t');
    expect(xmlUnescape('&lt;&gt;&quot;&apos;&#233;&bogus;')).toBe('<>"\'é&bogus;');
  });
});

describe('xlsx dates', () => {
  it('recognises date formats, not numbers, times or text', () => {
    for (const code of ['yyyy-mm-dd', 'd/m/yy', '[$-409]mmmm d, yyyy', 'mmm-yy', 'dd/mm/yyyy hh:mm'])
      expect(isDateFormat(code)).toBe(true);
    for (const code of ['General', '0.00', 'h:mm', 'mm:ss', '#,##0 "days"', '[Red]0.0'])
      expect(isDateFormat(code)).toBe(false);
  });

  it('finds the cell styles whose format shows a date', () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs></styleSheet>';
    expect([...dateStyles(styles)]).toEqual([1, 2, 4]);
  });

  it('converts serials in the 1900 and 1904 systems', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(43646, false)).toBe('2019-06-30');
    expect(serialToIso(43646.25, false)).toBe('2019-06-30T06:00:00');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(-1, false)).toBeNull();
  });
});
