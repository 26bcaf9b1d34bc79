import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VigieError } from '../../src/core/errors.ts';
import { openVigie } from '../../src/main.ts';
import type { ProtectionStores } from '../../src/services/ports/incident-port.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { openStorage, type Storage } from '../../src/storage/open.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';

const T0 = '2026-03-01T10:00:00.000Z';

/**
 * Two administrators created at once for the same new organisation (two CLI runs, a provisioning script) must
 * both succeed with one organisation; on PostgreSQL the second insert used to hit the unique name and answer 500.
 */
describe.each(DIALECTS)('concurrent account creation on $name', ({ create }) => {
  let database: TestDatabase;
  const keyDir = mkdtempSync(join(tmpdir(), 'vigie-key-'));
  let vigie: Vigie;
  let storage: Storage;

  beforeAll(async () => {
    database = await create();
    const [flag, target] = database.cliArgs;
    vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! }, {
      keyFile: join(keyDir, 'vigie.key'),
    });
    storage = await openStorage(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! });
  });
  afterAll(async () => {
    await storage.close();
    await vigie.close();
    await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  /**
   * Runs `first` in a transaction that stays open after its write, then `second` in another, and commits the
   * first while the second waits (on PostgreSQL on the first one's uncommitted row, on SQLite on the connection).
   */
  async function interleaved<A, B>(
    first: (s: ProtectionStores) => Promise<A>,
    second: (s: ProtectionStores) => Promise<B>,
  ): Promise<[PromiseSettledResult<A>, PromiseSettledResult<B>]> {
    const p = storage.protection;
    let written!: () => void;
    let release!: () => void;
    const firstWritten = new Promise<void>((resolve) => (written = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const one = p.transaction(async (s) => {
      const result = await first(s);
      written();
      await held;
      return result;
    });
    await firstWritten;
    const two = p.transaction(second);
    const settled = Promise.allSettled([one, two]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    return settled;
  }

  const user = (id: string, organisationId: string, email: string) => ({
    id,
    organisationId,
    email,
    displayName: id,
    role: 'monitor' as const,
    regions: [],
    passwordHash: `$argon2id$${id}`,
    disabled: false,
    createdAt: T0,
  });

  it('adds an organisation once when a second transaction adds it before the first commits', async () => {
    const [first, second] = await interleaved(
      (s) => s.accounts.addOrganisation({ id: 'org-first', name: 'Racing', createdAt: T0 }),
      (s) => s.accounts.addOrganisation({ id: 'org-second', name: 'Racing', createdAt: T0 }),
    );
    const expected = { id: 'org-first', name: 'Racing' };
    expect(first).toEqual({ status: 'fulfilled', value: expected });
    expect(second).toEqual({ status: 'fulfilled', value: expected });
    expect(await storage.protection.accounts.organisationByName('Racing')).toEqual(expected);
  });

  it('answers CONFLICT to a second transaction adding an e-mail the first has not committed yet', async () => {
    const [first, second] = await interleaved(
      (s) => s.accounts.addUser(user('u-first', 'org-first', 'same@example.org')),
      (s) => s.accounts.addUser(user('u-second', 'org-first', 'same@example.org')),
    );
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && second.reason).toBeInstanceOf(VigieError);
    expect(second.status === 'rejected' && (second.reason as VigieError).code).toBe('CONFLICT');
    expect((await storage.protection.accounts.userByEmail('same@example.org'))?.id).toBe('u-first');
  });

  it('creates users of one new organisation concurrently, all succeeding with one organisation', async () => {
    const a = vigie.protection.accounts;
    const created = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        a.addUser('cli', {
          email: `racer-${n}@example.org`,
          password: `a long enough passphrase ${n}`,
          role: n === 1 ? 'admin' : 'monitor',
          organisation: 'Nouvelle organisation',
        }),
      ),
    );
    const organisations = new Set(created.map((u) => u.organisationId));
    expect(organisations.size).toBe(1);
    const users = await storage.protection.accounts.listUsers([...organisations][0]!);
    expect(users.map((u) => u.email).sort()).toEqual(created.map((u) => u.email).sort());
    const rows = await storage.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Nouvelle organisation')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses the same e-mail created twice at once with a conflict, not a server error', async () => {
    const a = vigie.protection.accounts;
    const results = await Promise.allSettled(
      [1, 2].map((n) =>
        a.addUser('cli', {
          email: 'twice@example.org',
          password: `a long enough passphrase ${n}`,
          role: 'monitor',
          organisation: 'Autre organisation',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(VigieError);
    expect((refused?.reason as VigieError).code).toBe('CONFLICT');
    expect(
      (await storage.protection.accounts.listUsers(null)).filter((u) => u.email === 'twice@example.org'),
    ).toHaveLength(1);
  });
});
