import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { inferSchema, initParser } from 'udsv';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.ts';
import type { EventActor, PerpetratorCategory, SourceEvent } from '../event.ts';
import { PERPETRATOR_CATEGORIES } from '../event.ts';
import { normalizeAcledEventType } from './acled-event-types.ts';
import { classifyEvent } from './civilian-harm.ts';
import { parseInterCode, parseInteraction, splitInteraction } from './inter-codes.ts';
import { classifyActor } from './perpetrators.ts';
import { sourceEvent } from './test-helpers.ts';

/**
 * The taxonomy against the real ACLED exports in ../shared/data (skipped when absent). Prints the coverage of the
 * actor crosswalk and the civilian-harm counts by perpetrator; asserts that no real actor name needs the inter-code
 * fallback and that the old→new crosswalks agree with ACLED's own recoding of the same events.
 */

type Row = Record<string, string>;

function readCsv(path: string, latin1 = false): Row[] {
  const bytes = readFileSync(path);
  const text = new TextDecoder(latin1 ? 'latin1' : 'utf-8').decode(
    path.endsWith('.gz') ? gunzipSync(bytes) : bytes,
  );
  const schema = inferSchema(text);
  const names = schema.cols.map((c) => c.name.toLowerCase().replace(/^ally_actor/, 'assoc_actor'));
  return initParser(schema)
    .stringArrs(text)
    .map((values) => Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])));
}

const MALI_FILES = {
  smose94: 'acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv',
  valenge: 'acled-mali/valenge_acled_mali_monadic_2017-01_to_2019-06.csv',
  ac0519: 'acled-mali/ac0519_2017-01-01-2019-02-27-Mali.csv',
} as const;
const AFRICA_2016 = 'acled-africa-2016-sample/ACLED_All_Africa_20160101-20160528.csv.gz';

function load(relative: string): Row[] | null {
  const path = sharedData(relative);
  return path == null ? null : readCsv(path, relative.endsWith('.gz'));
}
const files = Object.fromEntries(Object.entries(MALI_FILES).map(([k, p]) => [k, load(p)])) as Record<
  keyof typeof MALI_FILES,
  Row[] | null
>;
const africa = load(AFRICA_2016);
const maliRows = (): Row[] => [
  ...Object.values(files).flatMap((r) => r ?? []),
  ...(africa ?? []).filter((r) => r['country'] === 'Mali'),
];

const ROLE_COLUMNS = [
  ['actor1', 'inter1'],
  ['assoc_actor_1', 'inter1'],
  ['actor2', 'inter2'],
  ['assoc_actor_2', 'inter2'],
] as const;

/** A SourceEvent from an ACLED row of any of these layouts, as an importer would build it (enough for classifying). */
function toEvent(row: Row): SourceEvent {
  const actors: EventActor[] = ROLE_COLUMNS.flatMap(([column, interColumn]) =>
    (row[column] ?? '')
      .split(';')
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((name) => ({ name, role: column, inter: parseInterCode(row[interColumn]) })),
  );
  const interaction = parseInteraction(row['interaction']);
  const sides = splitInteraction(interaction) ?? [];
  const fatalities = Number(row['fatalities'] ?? '0') || 0;
  const type = normalizeAcledEventType({
    eventType: row['event_type'] ?? null,
    subEventType: row['sub_event_type'] ?? null,
    sides,
    fatalities,
  });
  return sourceEvent({
    sourceId: row['event_id_cnty'] ?? '',
    date: row['year'] ?? '',
    sourceEventType: row['event_type'] ?? null,
    eventType: type.eventType,
    subEventType: type.subEventType,
    civilianTargetingFlag: 'civilian_targeting' in row ? row['civilian_targeting'] !== '' : null,
    actors,
    interaction,
    fatalities,
    notes: row['notes'] ?? null,
  });
}

const pct = (n: number, total: number): string => `${((100 * n) / Math.max(total, 1)).toFixed(1)}%`;

describe.skipIf(Object.values(files).some((f) => f == null))(
  'taxonomy on the real ACLED Mali exports',
  () => {
    it('classifies every actor name of the Mali files by a named rule, not by the inter-code fallback', () => {
      const names = new Map<string, string | undefined>();
      for (const row of maliRows()) {
        for (const [column, interColumn] of ROLE_COLUMNS) {
          for (const name of (row[column] ?? '')
            .split(';')
            .map((n) => n.trim())
            .filter((n) => n !== ''))
            names.set(name, row[interColumn]);
        }
      }
      const fallbacks = [...names].filter(
        ([name, inter]) => classifyActor(name, inter ?? null, { countryName: 'Mali' }).fallback,
      );
      console.log(`actor names in the Mali files: ${names.size}; by fallback: ${fallbacks.length}`);
      expect(names.size).toBeGreaterThan(250);
      expect(fallbacks.map(([name]) => name)).toEqual([]);
    });

    it('prints the share of actor1 rows in each category, per file', () => {
      const lines: string[] = [];
      for (const [file, rows] of Object.entries(files)) {
        const counts = new Map<PerpetratorCategory, number>();
        for (const row of rows ?? []) {
          const c = classifyActor(row['actor1'] ?? '', row['inter1'] ?? null, {
            countryName: row['country'] ?? 'Mali',
          }).category;
          counts.set(c, (counts.get(c) ?? 0) + 1);
        }
        const total = rows?.length ?? 0;
        lines.push(
          `${file} (${total} actor1 rows): ` +
            PERPETRATOR_CATEGORIES.map((c) => `${c} ${pct(counts.get(c) ?? 0, total)}`).join(', '),
        );
        expect(counts.get('state_forces') ?? 0).toBeGreaterThan(0);
        expect(counts.get('jihadist_group') ?? 0).toBeGreaterThan(0);
        expect(counts.get('self_defence_militia') ?? 0).toBeGreaterThan(0);
      }
      console.log(lines.join('\n'));
    });

    it('maps the old event types (ac0519) as ACLED itself recoded the same events (smose94)', () => {
      const recoded = new Map((files.smose94 ?? []).map((r) => [r['event_id_cnty'], r]));
      let shared = 0;
      let sameType = 0;
      let riotsProtests = 0;
      let riotsProtestsSame = 0;
      let inferredSubs = 0;
      let inferredSame = 0;
      for (const row of files.ac0519 ?? []) {
        const later = recoded.get(row['event_id_cnty']);
        if (later == null) continue;
        const e = toEvent(row);
        shared += 1;
        if (e.eventType === later['event_type']) sameType += 1;
        if (row['event_type'] === 'Riots/Protests') {
          riotsProtests += 1;
          if (e.eventType === later['event_type']) riotsProtestsSame += 1;
          if (e.subEventType != null) {
            inferredSubs += 1;
            if (e.subEventType === later['sub_event_type']) inferredSame += 1;
          }
        }
      }
      console.log(
        `old→new event type: ${sameType}/${shared} agree; Riots/Protests ${riotsProtestsSame}/${riotsProtests}; inferred sub-events ${inferredSame}/${inferredSubs}`,
      );
      expect(riotsProtestsSame).toBe(riotsProtests);
      expect(sameType / shared).toBeGreaterThan(0.97);
      expect(inferredSame / inferredSubs).toBeGreaterThan(0.9);
    });

    it('reads harm from old-layout notes as ACLED later coded it in sub-events', () => {
      const recoded = new Map((files.smose94 ?? []).map((r) => [r['event_id_cnty'], toEvent(r)]));
      const confusion = new Map<string, number>();
      let both = 0;
      let same = 0;
      for (const row of files.ac0519 ?? []) {
        const old = classifyEvent(toEvent(row));
        const later = recoded.get(row['event_id_cnty']);
        if (later == null || !old.civilianHarm) continue;
        const now = classifyEvent(later);
        if (!now.civilianHarm) continue;
        both += 1;
        if (old.harmCategory === now.harmCategory) same += 1;
        else
          confusion.set(
            `${old.harmCategory}→${now.harmCategory}`,
            (confusion.get(`${old.harmCategory}→${now.harmCategory}`) ?? 0) + 1,
          );
      }
      console.log(
        `harm category, old layout vs recoded: ${same}/${both} agree; disagreements ${JSON.stringify(Object.fromEntries(confusion))}`,
      );
      expect(same / both).toBeGreaterThan(0.95);
    });

    it('agrees between the monadic (valenge) and dyadic (smose94) layouts on civilian harm', () => {
      const byEvent = new Map<string, Row[]>();
      for (const row of files.valenge ?? [])
        byEvent.set(row['event_id_cnty'] ?? '', [...(byEvent.get(row['event_id_cnty'] ?? '') ?? []), row]);
      const dyadic = new Map(
        (files.smose94 ?? []).map((r) => [r['event_id_cnty'], classifyEvent(toEvent(r))]),
      );
      let shared = 0;
      let sameHarm = 0;
      let samePerpetrator = 0;
      for (const [id, rows] of byEvent) {
        const first = rows[0];
        const other = dyadic.get(id);
        if (first == null || other == null) continue;
        // Monadic: one row per actor, each in actor1; together they make the event.
        const e = { ...toEvent(first), actors: rows.flatMap((r) => toEvent(r).actors) };
        const c = classifyEvent(e);
        shared += 1;
        if (c.civilianHarm === other.civilianHarm) sameHarm += 1;
        if (c.perpetratorCategory === other.perpetratorCategory) samePerpetrator += 1;
      }
      console.log(
        `monadic vs dyadic on ${shared} shared events: civilian harm ${pct(sameHarm, shared)} agree, perpetrator ${pct(samePerpetrator, shared)}`,
      );
      expect(sameHarm / shared).toBeGreaterThan(0.95);
    });

    it('prints civilian-harm events and fatalities by perpetrator category and period (smose94)', () => {
      const periods = ['1997-2011', '2012-2014', '2015-2017', '2018', '2019H1'] as const;
      const periodOf = (year: number): (typeof periods)[number] =>
        year <= 2011
          ? '1997-2011'
          : year <= 2014
            ? '2012-2014'
            : year <= 2017
              ? '2015-2017'
              : year === 2018
                ? '2018'
                : '2019H1';
      const table = new Map<string, { events: number; deaths: number }>();
      const add = (key: string, deaths: number): void => {
        const cell = table.get(key) ?? { events: 0, deaths: 0 };
        table.set(key, { events: cell.events + 1, deaths: cell.deaths + deaths });
      };
      let total = 0;
      for (const row of files.smose94 ?? []) {
        const c = classifyEvent(toEvent(row));
        if (!c.civilianHarm) continue;
        total += 1;
        const category = c.perpetratorCategory ?? 'none';
        add(`${category}|all`, c.civilianFatalities);
        add(`${category}|${periodOf(Number(row['year']))}`, c.civilianFatalities);
        add(`harm:${c.harmCategory}|all`, c.civilianFatalities);
      }
      const lines = [
        `civilian-harm events (fatalities), smose94, ${total} events`,
        ['category', 'all', ...periods].join(' | '),
      ];
      for (const category of [...PERPETRATOR_CATEGORIES, 'none']) {
        const cells = ['all', ...periods]
          .map((p) => table.get(`${category}|${p}`))
          .map((c) => (c ? `${c.events} (${c.deaths})` : '-'));
        lines.push([category, ...cells].join(' | '));
      }
      lines.push(
        [...table]
          .filter(([k]) => k.startsWith('harm:'))
          .map(([k, v]) => `${k.slice(5, -4)} ${v.events} (${v.deaths})`)
          .join(', '),
      );
      console.log(lines.join('\n'));
      const summed = PERPETRATOR_CATEGORIES.reduce((s, c) => s + (table.get(`${c}|all`)?.events ?? 0), 0);
      expect(summed).toBe(total);
      expect(total).toBeGreaterThan(1000);
    });
  },
);

describe.skipIf(africa == null)(
  'event-type crosswalk on the 2016 all-Africa file (old upper-case layout)',
  () => {
    it('maps every old event type of 6,831 rows to a current one', () => {
      const unmapped = (africa ?? [])
        .filter((row) => toEvent(row).eventType == null)
        .map((r) => r['event_type']);
      expect(africa?.length).toBe(6831);
      expect(unmapped).toEqual([]);
    });
  },
);
