import type { DialectColumns } from '../dialect.ts';

export const sqliteColumns: DialectColumns = {
  name: 'sqlite',
  addId: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
};
