import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

/** The files as text: JSON.parse keeps the last of two equal keys, so duplicates are looked for here. */
const raw = import.meta.glob<string>('./*.json', { query: '?raw', import: 'default', eager: true });

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** The web app's locale files stay in step: same keys, same placeholders, no empty text, no duplicate key. */
describe('web locale files', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('use the same placeholders in both languages', () => {
    const frTable: Record<string, string> = fr;
    const enTable: Record<string, string> = en;
    const mismatched = Object.keys(frTable).filter(
      (k) => placeholders(frTable[k]!).join() !== placeholders(enTable[k] ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty message', () => {
    const empty = [...Object.entries(fr), ...Object.entries(en)].filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('name each key once', () => {
    expect(Object.keys(raw).sort()).toEqual(['./en.json', './fr.json']);
    for (const text of Object.values(raw)) {
      const keys = [...text.matchAll(/^\s*"([^"]+)"\s*:/gm)].map((m) => m[1]);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });

  it('give every plural form a base key', () => {
    const forms = /#(zero|one|two|few|many|other)$/;
    const orphans = Object.keys(fr).filter(
      (k) => k.includes('#') && (!forms.test(k) || !(k.replace(forms, '') in fr)),
    );
    expect(orphans).toEqual([]);
  });
});
