import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVigie } from '../../src/main.ts';
import { cli } from '../support/cli.ts';

/** `vigie alerts …` in process, acting as a user like `vigie incidents`. */
describe('vigie alerts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-alerts-cli-'));
  const db = join(dir, 'vigie.db');
  const base = ['--db', db, '--key-file', join(dir, 'vigie.key')];
  const monitor = ['--user', 'monitor@example.org', '--password', 'password of the monitor'];

  beforeAll(async () => {
    const vigie = await openVigie({ sqlitePath: db }, { keyFile: join(dir, 'vigie.key') });
    await vigie.protection.accounts.addUser('cli', {
      email: 'monitor@example.org',
      password: 'password of the monitor',
      role: 'monitor',
      organisation: 'ngo',
      regions: [],
    });
    await vigie.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, lists, acknowledges, responds, closes and shows an alert', async () => {
    const created = await cli([
      'alerts',
      'create',
      ...base,
      ...monitor,
      '--json',
      '--pcode',
      'ML0505',
      '--area-name',
      'Koro',
      '--severity',
      'critical',
      '--harm',
      'killing',
      '--count',
      '4',
      '--response',
      'Informer la protection civile',
      '--evidence',
      'Appel du chef de village',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { alert } = JSON.parse(created.stdout) as { alert: { id: string; reference: string } };
    const list = await cli(['alerts', 'list', ...base, ...monitor]);
    expect(list.stdout).toContain(alert.reference);
    for (const step of ['ack', 'respond'])
      expect((await cli(['alerts', step, alert.id, ...base, ...monitor])).code).toBe(0);
    expect(
      (await cli(['alerts', 'close', alert.id, ...base, ...monitor, '--outcome', 'nonsense'])).code,
    ).toBe(2);
    const closed = await cli(['alerts', 'close', alert.id, ...base, ...monitor, '--outcome', 'action_taken']);
    expect(closed.stdout).toContain(`Alert ${alert.reference}: closed.`);
    const again = await cli(['alerts', 'ack', alert.id, ...base, ...monitor]);
    expect(again.code).not.toBe(0);
    const shown = await cli(['alerts', 'show', alert.id, ...base, ...monitor]);
    expect(shown.stdout).toContain('Appel du chef de village');
    expect(shown.stdout).toMatch(/Time to acknowledge: \d+\.\d h/);
    const triage = await cli(['alerts', 'triage', ...base, ...monitor]);
    expect(triage.stdout).toContain('No messages to triage.');
  });
});
