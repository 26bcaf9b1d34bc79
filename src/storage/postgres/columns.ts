import type { DialectColumns } from '../dialect.ts';

export const postgresColumns: DialectColumns = {
  name: 'postgres',
  addId: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity()),
};
