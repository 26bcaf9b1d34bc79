import { Option, type Command } from 'commander';
import { PERPETRATOR_CATEGORIES } from '../core/event.ts';
import type { EventFilter } from '../core/filters.ts';
import { parseLocale, type Locale } from '../i18n/t.ts';
import { parseEventFilter } from '../services/filter-schema.ts';
import type { StorageTarget } from '../storage/open.ts';

export interface GlobalOptions {
  db?: string;
  keyFile?: string;
  databaseUrl?: string;
  json?: boolean;
  lang?: string;
}

/** Every command takes the storage target, --json and --lang (DESIGN §6). */
export function withGlobalOptions(command: Command): Command {
  return command
    .option('--db <path>', 'SQLite file (default ./vigie-data/vigie.db, or VIGIE_DB)')
    .option('--database-url <url>', 'PostgreSQL connection URL (or DATABASE_URL)')
    .option(
      '--key-file <path>',
      'key-encryption key file (or VIGIE_KEY_FILE; default beside the SQLite file)',
    )
    .option('--json', 'machine-readable output on stdout')
    .option('--lang <fr|en>', 'language of messages (default fr, or VIGIE_LANG)');
}

export function storageTarget(o: GlobalOptions, env: NodeJS.ProcessEnv): StorageTarget {
  const databaseUrl = o.databaseUrl ?? (o.db ? undefined : env['DATABASE_URL']);
  if (databaseUrl) return { databaseUrl };
  return { sqlitePath: o.db ?? env['VIGIE_DB'] ?? './vigie-data/vigie.db' };
}

export function localeOf(o: GlobalOptions, env: NodeJS.ProcessEnv): Locale {
  return parseLocale(o.lang ?? env['VIGIE_LANG'] ?? 'fr');
}

export interface FilterOptions {
  country?: string;
  from?: string;
  to?: string;
  admin1?: string;
  admin2?: string;
  source?: string;
  type?: string;
  perpetrator?: string;
  civilianOnly?: boolean;
}

export function withFilterOptions(command: Command): Command {
  return command
    .option('--country <ISO3>', 'country, ISO 3166-1 alpha-3 (e.g. MLI)')
    .option('--from <YYYY-MM-DD>', 'first day, inclusive')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive')
    .option('--admin1 <PCODE|NAME>', 'region: OCHA P-code (ML05), Natural Earth code (ML-MO) or name')
    .option('--admin2 <PCODE>', 'cercle: OCHA P-code (ML0504)')
    .addOption(new Option('--source <source>', 'dataset').choices(['acled', 'ucdp']))
    .option('--type <TYPE>', 'event type (ACLED vocabulary, e.g. "Violence against civilians")')
    .addOption(
      new Option('--perpetrator <CATEGORY>', 'perpetrator category').choices([...PERPETRATOR_CATEGORIES]),
    )
    .option('--civilian-only', 'only events that harmed civilians');
}

/** Commander's options → the shared filter, validated by the same schema as the HTTP query string. */
export function filterFrom(o: FilterOptions): EventFilter {
  const raw = {
    country: o.country,
    from: o.from,
    to: o.to,
    admin1: o.admin1,
    admin2: o.admin2,
    source: o.source,
    type: o.type,
    perpetrator: o.perpetrator,
    civilianOnly: o.civilianOnly,
  };
  return parseEventFilter(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
    'BAD_USAGE',
  );
}
