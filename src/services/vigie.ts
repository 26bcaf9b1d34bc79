import type { EventFilter } from '../core/filters.ts';
import type { ByteSource, TextEncodingChoice } from '../importers/read/types.ts';

export type { ByteSource, TextEncodingChoice };
import type { ImportReport } from './import-report.ts';
import type { EventPage, EventStats, EventView } from './ports/event-query-port.ts';
import type { ImportRunView } from './ports/import-run-port.ts';

export const IMPORT_KINDS = [
  'acled',
  'acled-deletions',
  'ucdp',
  'acled-monthly',
  'boundaries',
  'bases',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  skipInvalid?: boolean;
  encoding?: TextEncodingChoice;
  /** Boundaries: admin level (1, 2, 3), set name and the property names holding code, name and parent code. */
  level?: number;
  set?: string;
  codeField?: string;
  nameField?: string;
  parentField?: string;
  /** Monthly aggregates: which ACLED measure the file holds, when its name does not say. */
  measure?: string;
  onProgress?: (recordsRead: number) => void;
}

/** Every use case the edges (CLI, HTTP) may call; src/main.ts builds it from the adapters. */
export interface Vigie {
  readonly storageDescription: string;
  importFile(kind: ImportKind, source: ByteSource, options: ImportOptions): Promise<ImportReport>;
  stats(filter: EventFilter): Promise<EventStats>;
  eventsPage(filter: EventFilter, cursor: string | null, limit: number): Promise<EventPage>;
  eventsStream(filter: EventFilter): AsyncIterable<EventView>;
  importRuns(limit: number): Promise<ImportRunView[]>;
  close(): Promise<void>;
}
