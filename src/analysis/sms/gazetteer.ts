import { editDistance, fold, tolerance } from './normalise.ts';

/** A unit of the loaded boundaries (admin-1, -2 or -3) as the SMS parser sees it. */
export interface GazetteerEntry {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface PlaceMatch {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  /** Edits between what was written and the name (0 = exact once accents and case are folded). */
  distance: number;
  /** Indexes of the message's words that named the place. */
  words: number[];
}

interface Indexed extends GazetteerEntry {
  folded: string;
  wordCount: number;
}

export interface Gazetteer {
  entries: readonly Indexed[];
  byCode: ReadonlyMap<string, Indexed>;
  maxWords: number;
}

export function buildGazetteer(entries: readonly GazetteerEntry[]): Gazetteer {
  const indexed = entries
    .map((e) => {
      const folded = fold(e.name);
      return { ...e, folded, wordCount: folded === '' ? 0 : folded.split(' ').length };
    })
    .filter((e) => e.folded !== '');
  return {
    entries: indexed,
    byCode: new Map(indexed.map((e) => [e.code, e])),
    maxWords: Math.max(1, ...indexed.map((e) => e.wordCount)),
  };
}

/** True when `ancestor` is `code` itself or one of its parents in the gazetteer. */
export function within(g: Gazetteer, code: string, ancestor: string): boolean {
  let current: string | null = code;
  for (let guard = 0; current !== null && guard < 8; guard++) {
    if (current === ancestor) return true;
    current = g.byCode.get(current)?.parentCode ?? null;
  }
  return false;
}

/**
 * Every gazetteer unit some run of 1…maxWords candidate words names, exactly or within the edit tolerance of its
 * length. Words of fewer than 4 letters must match exactly (so "san" is San, never "sans").
 */
export function findPlaces(g: Gazetteer, words: readonly string[], usable: readonly boolean[]): PlaceMatch[] {
  const found: PlaceMatch[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let n = 1; n <= g.maxWords && start + n <= words.length; n++) {
      const span = Array.from({ length: n }, (_, k) => start + k);
      if (!span.every((i) => usable[i])) break;
      const phrase = span.map((i) => words[i]).join(' ');
      const joined = span.map((i) => words[i]).join(''); // "gourma rharous" also written "gourmarharous"
      const max = tolerance(phrase.length);
      for (const e of g.entries) {
        if (e.wordCount !== n && e.folded.replace(/ /g, '') !== joined) continue;
        const d = Math.min(
          editDistance(phrase, e.folded, max),
          editDistance(joined, e.folded.replace(/ /g, ''), max),
        );
        if (d <= max)
          found.push({
            code: e.code,
            name: e.name,
            level: e.level,
            parentCode: e.parentCode,
            distance: d,
            words: span,
          });
      }
    }
  }
  return found;
}

export type Resolution =
  { kind: 'none' } | { kind: 'one'; place: PlaceMatch } | { kind: 'ambiguous'; candidates: PlaceMatch[] };

/**
 * One place out of the matches: the closest spelling wins; names shared along one chain (Ménaka region, cercle
 * and commune) resolve to the most specific unit; a unit whose parent the message also names wins over its
 * namesakes ("Bamba Koro"); what remains with several unrelated units is ambiguous.
 */
export function resolvePlace(g: Gazetteer, matches: readonly PlaceMatch[]): Resolution {
  if (matches.length === 0) return { kind: 'none' };
  const best = Math.min(...matches.map((m) => m.distance));
  let pool = dedupe(matches.filter((m) => m.distance === best));
  if (pool.length > 1) {
    const named = pool.filter((m) =>
      matches.some(
        (other) =>
          other.code !== m.code &&
          m.code !== other.code &&
          within(g, m.code, other.code) &&
          disjoint(m, other),
      ),
    );
    if (named.length > 0) pool = named;
  }
  if (pool.length === 1) return { kind: 'one', place: pool[0]! };
  // Different names (not namesakes): the first one written is where it happens ("… fuient vers Bandiagara").
  if (new Set(pool.map((m) => fold(m.name))).size > 1) {
    const first = Math.min(...pool.map((m) => m.words[0] ?? 0));
    pool = pool.filter((m) => m.words[0] === first);
    if (pool.length === 1) return { kind: 'one', place: pool[0]! };
  }
  const deepest = [...pool].sort((a, b) => b.level - a.level)[0]!;
  if (pool.every((m) => within(g, deepest.code, m.code))) return { kind: 'one', place: deepest };
  return { kind: 'ambiguous', candidates: pool };
}

function disjoint(a: PlaceMatch, b: PlaceMatch): boolean {
  return !a.words.some((w) => b.words.includes(w));
}

function dedupe(matches: readonly PlaceMatch[]): PlaceMatch[] {
  const seen = new Map<string, PlaceMatch>();
  for (const m of matches) if (!seen.has(m.code)) seen.set(m.code, m);
  return [...seen.values()];
}
