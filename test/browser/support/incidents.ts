import { TEST_ORGANISATION, type TestServer } from './server.ts';

/** The verified cell the incident test fills: cercle × month × harm × perpetrator category. */
export const CELL = { pcode: 'ML0401', month: '2025-03', harm: 'killing', perpetrator: 'jihadist_group' };

/** Monitor A reports, monitor B (the supervisor) verifies, the analyst reads: one organisation. */
export const PEOPLE = {
  monitorA: {
    email: 'monitor.a@vigie.test',
    password: 'monitor-a-password',
    role: 'monitor',
    displayName: 'Monitor A',
  },
  monitorB: {
    email: 'monitor.b@vigie.test',
    password: 'monitor-b-password',
    role: 'monitor',
    displayName: 'Monitor B',
  },
  analyst: {
    email: 'analyst@vigie.test',
    password: 'analyst-password-1',
    role: 'analyst',
    displayName: 'Analyst',
  },
} as const;
export type Person = keyof typeof PEOPLE;

/** Creates the people as `vigie users add` does, and a write token for each (for seeding over HTTP). */
export async function addPeople(server: TestServer): Promise<Record<Person, string>> {
  const accounts = server.vigie.protection.accounts;
  const tokens = {} as Record<Person, string>;
  for (const [key, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    await accounts.addUser('cli', { ...person, organisation: TEST_ORGANISATION });
    const principal = await accounts.authenticate(person.email, person.password, '127.0.0.1');
    tokens[key] = (await accounts.createToken(principal, 'seed', true, 1)).token;
  }
  return tokens;
}

/** An API call with a bearer token; any answer but 2xx throws with its body. */
export async function call(
  server: TestServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** `count` incidents of CELL reported by monitor A and verified by monitor B, over the HTTP API. */
export async function seedVerifiedIncidents(
  server: TestServer,
  tokens: Record<Person, string>,
  count: number,
): Promise<void> {
  for (let day = 1; day <= count; day++) {
    const { id } = await call(server, tokens.monitorA, 'POST', '/api/v1/incidents', {
      clientId: `seed-incident-${day}`,
      date: { from: `${CELL.month}-${String(day).padStart(2, '0')}`, precision: 'day' },
      place: { pcode: CELL.pcode, precision: 'admin2' },
      harmTypes: [CELL.harm],
      narrative: `Seeded incident ${day}`,
      perpetrators: [{ category: CELL.perpetrator }],
      victimCounts: [{ harm: CELL.harm, sex: 'male', age: 'adult', status: 'civilian', count: 2 }],
    });
    const path = `/api/v1/incidents/${String(id)}`;
    const { version } = await call(server, tokens.monitorB, 'GET', path);
    await call(server, tokens.monitorB, 'POST', `${path}/decision`, { to: 'under_review', version });
    await call(server, tokens.monitorB, 'POST', `${path}/decision`, {
      to: 'verified',
      standardOfProof: 'reasonable_grounds',
      reason: 'Two independent witnesses',
      version: Number(version) + 1,
    });
  }
}

/** CELL in the anonymous public release, if published. */
export async function publicCell(server: TestServer): Promise<{ incidents: number } | undefined> {
  const release = (await (await fetch(`${server.url}/api/v1/public/incidents`)).json()) as {
    cells: { admin2Pcode: string; month: string; harm: string; perpetrator: string; incidents: number }[];
  };
  return release.cells.find(
    (c) =>
      c.admin2Pcode === CELL.pcode &&
      c.month === CELL.month &&
      c.harm === CELL.harm &&
      c.perpetrator === CELL.perpetrator,
  );
}
