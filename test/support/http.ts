import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/core/access.ts';
import { buildHttpApp, type HttpOptions } from '../../src/http/app.ts';
import type { Vigie } from '../../src/services/vigie.ts';

let counter = 0;

/** A user of the given role (in organisation `org`) and a write-enabled API token acting for them. */
export async function userWithToken(
  vigie: Vigie,
  role: Role,
  options: { organisation?: string; regions?: string[]; email?: string } = {},
): Promise<{ userId: string; email: string; password: string; token: string }> {
  counter += 1;
  const email = options.email ?? `${role}-${process.pid}-${counter}@example.org`;
  const password = `password for ${email}`;
  const user = await vigie.protection.accounts.addUser('cli', {
    email,
    password,
    role,
    organisation: options.organisation ?? 'test organisation',
    regions: options.regions ?? [],
  });
  const principal = await vigie.protection.accounts.authenticate(email, password, 'test');
  const { token } = await vigie.protection.accounts.createToken(principal, 'tests', true, null);
  return { userId: user.id, email, password, token };
}

/** The app with every injected request signed by `token`, unless the request sets its own authorization. */
export function withToken(app: FastifyInstance, token: string): FastifyInstance {
  return new Proxy(app, {
    get(target, property, receiver) {
      // Fastify instances are thenable (ready()); awaiting the proxy would unwrap it to the bare app.
      if (property === 'then') return undefined;
      if (property === 'inject') {
        return (options: { headers?: Record<string, string> } & Record<string, unknown>) =>
          target.inject({
            ...options,
            headers: { authorization: `Bearer ${token}`, ...options.headers },
          } as never);
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The HTTP app as an analyst-admin would use it: most e2e tests of the event views need a signed-in user. */
export async function signedInApp(
  vigie: Vigie,
  options: HttpOptions = {},
  role: Role = 'admin',
): Promise<FastifyInstance> {
  const app = await buildHttpApp(vigie, options);
  const { token } = await userWithToken(vigie, role);
  return withToken(app, token);
}
