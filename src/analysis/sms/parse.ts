import { severityFor, type AlertHarm, type AlertSeverity } from '../../core/alert.ts';
import { buildGazetteer, findPlaces, resolvePlace, type Gazetteer, type PlaceMatch } from './gazetteer.ts';
import { KEYWORDS, NUMBER_WORDS, STOP_WORDS, TYPE_PRIORITY, TYPE_WORDS } from './lexicon.ts';
import { editDistance, tokens, tolerance } from './normalise.ts';

export { buildGazetteer, type Gazetteer };
export type { GazetteerEntry, PlaceMatch } from './gazetteer.ts';

/** Why a message went to triage rather than straight to an alert (codes; wording in the locale files). */
export const TRIAGE_REASONS = ['empty', 'no-place', 'ambiguous-place', 'no-type'] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

/**
 * What a community SMS says, in codes only: no word of the message is kept beyond the gazetteer's name of the
 * place, so the parse can be stored in clear beside the sealed text.
 */
export interface SmsParse {
  outcome: 'alert' | 'triage';
  reasons: TriageReason[];
  keyword: boolean;
  place: Omit<PlaceMatch, 'words'> | null;
  candidates: Array<Omit<PlaceMatch, 'words'>>;
  harm: AlertHarm | null;
  harms: AlertHarm[];
  count: number | null;
  severity: AlertSeverity;
}

const TYPE_LOOKUP = new Map<string, AlertHarm>();
for (const [code, list] of TYPE_WORDS) for (const w of list) TYPE_LOOKUP.set(w, code);
const TYPE_STEMS = [...TYPE_LOOKUP.keys()].filter((w) => w.length >= 6);

function typeOf(word: string, gazetteer: Gazetteer): AlertHarm | null {
  const exact = TYPE_LOOKUP.get(word);
  if (exact) return exact;
  if (word.length < 6) return null;
  // A word as close to a place as to a type is the place ("Menaca" is Ménaka, not "menace").
  if (gazetteer.entries.some((e) => e.wordCount === 1 && editDistance(word, e.folded, 1) <= 1)) return null;
  const max = tolerance(word.length) - (word.length < 8 ? 0 : 1); // 1 edit for 6-7+ letters; stems are long
  for (const stem of TYPE_STEMS) if (editDistance(word, stem, max) <= max) return TYPE_LOOKUP.get(stem)!;
  return null;
}

function isKeyword(word: string): boolean {
  return (
    KEYWORDS.has(word) || (word.length >= 5 && word.startsWith('al') && editDistance(word, 'alerte', 2) <= 2)
  );
}

function numberOf(word: string): number | null {
  if (/^\d{1,5}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/**
 * Parses `ALERTE <lieu> <type> <nombre>` in any order, tolerant of case, accents, misspellings and missing parts:
 * - a place must resolve to one unit of the gazetteer (else triage: no place, or ambiguous with candidates);
 * - with the keyword, a place alone is enough (type `unspecified`); without it, a type is needed too;
 * - the count is the number written next to the gravest type, else the first number in the message.
 */
export function parseSms(text: string, gazetteer: Gazetteer): SmsParse {
  const words = tokens(text);
  const role: Array<'keyword' | 'type' | 'number' | 'stop' | null> = words.map(() => null);
  const types: Array<{ code: AlertHarm; at: number }> = [];
  const numbers: Array<{ value: number; at: number }> = [];
  words.forEach((w, i) => {
    const n = numberOf(w);
    if (n !== null) {
      role[i] = 'number';
      numbers.push({ value: n, at: i });
    } else if (isKeyword(w)) role[i] = 'keyword';
    else if (STOP_WORDS.has(w)) role[i] = 'stop';
    else {
      const code = typeOf(w, gazetteer);
      if (code) {
        role[i] = 'type';
        types.push({ code, at: i });
      }
    }
  });
  // "coups de feu" and "violences sexuelles" are phrases.
  const joined = words.join(' ');
  if (/\bcoups? de feu\b/.test(joined)) types.push({ code: 'armed_attack', at: words.indexOf('feu') });
  const usable = role.map((r, i) => r === null && !/^\d+$/.test(words[i]!) && words[i] !== 'feu');
  const resolution = resolvePlace(gazetteer, findPlaces(gazetteer, words, usable));

  const harms = [...new Set(types.map((t) => t.code))].sort(
    (a, b) => TYPE_PRIORITY.indexOf(a) - TYPE_PRIORITY.indexOf(b),
  );
  const harm = harms[0] ?? null;
  const keyword = role.includes('keyword');
  const count = countFor(harm, types, numbers);
  const reasons: TriageReason[] = [];
  if (words.length === 0) reasons.push('empty');
  else if (resolution.kind === 'none') reasons.push('no-place');
  else if (resolution.kind === 'ambiguous') reasons.push('ambiguous-place');
  if (words.length > 0 && harm === null && !keyword) reasons.push('no-type');
  const strip = ({ words: _w, ...rest }: PlaceMatch) => rest;
  const effective: AlertHarm = harm ?? 'unspecified';
  return {
    outcome: reasons.length === 0 ? 'alert' : 'triage',
    reasons,
    keyword,
    place: resolution.kind === 'one' ? strip(resolution.place) : null,
    candidates: resolution.kind === 'ambiguous' ? resolution.candidates.map(strip) : [],
    harm,
    harms,
    count,
    severity: severityFor(effective, count),
  };
}

function countFor(
  harm: AlertHarm | null,
  types: ReadonlyArray<{ code: AlertHarm; at: number }>,
  numbers: ReadonlyArray<{ value: number; at: number }>,
): number | null {
  if (numbers.length === 0) return null;
  const at = types.find((t) => t.code === harm)?.at;
  if (at !== undefined) {
    // The nearest number up to three words before ("une dizaine de tués"), else just after ("tués 5").
    const before = numbers.filter((n) => n.at < at && n.at >= at - 3).at(-1);
    const near = before ?? numbers.find((n) => n.at === at + 1);
    if (near) return near.value;
  }
  return numbers[0]!.value;
}
