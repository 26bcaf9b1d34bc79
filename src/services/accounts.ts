import { randomUUID } from 'node:crypto';
import { canManageUsers, ROLES, type Principal, type Role } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from '../security/passwords.ts';
import { hashSecret, newSecret, sameSecret } from '../security/secrets.ts';
import type { AuditLog } from './audit-log.ts';
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, refuseWhenLocked } from './login-guard.ts';
import type { ProtectionPort } from './ports/incident-port.ts';
import type { UserRecord } from './ports/protection-port.ts';

/** Sessions last 12 hours from the last request, at most 7 days: a seized laptop's browser does not stay signed in. */
const SESSION_IDLE_MS = 12 * 3600_000;
const SESSION_MAX_MS = 7 * 24 * 3600_000;

export interface NewUser {
  email: string;
  password: string;
  displayName?: string;
  role: Role;
  organisation: string;
  regions?: string[];
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  regions: string[];
  disabled: boolean;
}

export interface SignedIn {
  sessionId: string;
  csrfToken: string;
  user: UserView;
}

export function userView(u: UserRecord): UserView {
  const { passwordHash: _hash, createdAt: _created, ...view } = u;
  return view;
}

export function principalOf(u: UserRecord, via: Principal['via'], readOnly = false): Principal {
  return { userId: u.id, organisationId: u.organisationId, role: u.role, regions: u.regions, via, readOnly };
}

export interface Accounts {
  addUser(by: Principal | 'cli', input: NewUser): Promise<UserView>;
  login(email: string, password: string, address: string): Promise<SignedIn>;
  /** Checks credentials (rate-limited like a login) and returns the principal, for the command line. */
  authenticate(email: string, password: string, address: string): Promise<Principal>;
  logout(sessionId: string): Promise<void>;
  /** The principal of a live session, with the session's CSRF hash to check changes against. */
  session(
    sessionId: string,
  ): Promise<{ principal: Principal; csrfMatches: (sent: string) => boolean; user: UserView } | null>;
  token(secret: string): Promise<{ principal: Principal; canWrite: boolean } | null>;
  createToken(
    by: Principal,
    name: string,
    canWrite: boolean,
    days: number | null,
  ): Promise<{ id: string; token: string }>;
  users(by: Principal): Promise<UserView[]>;
  /** False on a fresh install: the server then says how to create the first administrator. */
  hasUsers(): Promise<boolean>;
  user(id: string): Promise<UserView | null>;
}

export function accounts(port: ProtectionPort, audit: AuditLog, now: () => string): Accounts {
  const nowMs = () => Date.parse(now());
  const iso = (ms: number) => new Date(ms).toISOString();

  const failuresBlock = (key: string, max: number) => refuseWhenLocked(port.accounts, now, key, max);

  async function checkCredentials(email: string, password: string, address: string): Promise<UserRecord> {
    const normalised = email.trim().toLowerCase();
    const emailKey = `email:${hashSecret(normalised)}`;
    const addressKey = `ip:${address}`;
    await failuresBlock(emailKey, MAX_FAILURES_PER_EMAIL);
    await failuresBlock(addressKey, MAX_FAILURES_PER_ADDRESS);
    const user = await port.accounts.userByEmail(normalised);
    // Same work whether or not the e-mail exists, so timing does not tell which accounts exist.
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !ok || user.disabled) {
      await port.accounts.recordLoginFailure(emailKey, now());
      await port.accounts.recordLoginFailure(addressKey, now());
      throw new VigieError('UNAUTHENTICATED', { reason: 'bad-credentials' });
    }
    await port.accounts.clearLoginFailures(emailKey);
    return user;
  }

  return {
    async addUser(by, input) {
      if (by !== 'cli' && !canManageUsers(by)) throw new VigieError('FORBIDDEN');
      if (!ROLES.includes(input.role)) throw new VigieError('VALIDATION_FAILED', { field: 'role' });
      const problem = passwordProblem(input.password);
      if (problem) throw new VigieError('VALIDATION_FAILED', { field: 'password', reason: problem });
      const email = input.email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new VigieError('VALIDATION_FAILED', { field: 'email' });
      const passwordHash = await hashPassword(input.password);
      const at = now();
      return port.transaction(async (s) => {
        if (await s.accounts.userByEmail(email)) throw new VigieError('CONFLICT', { reason: 'email-in-use' });
        let org = await s.accounts.organisationByName(input.organisation);
        if (!org) {
          // An admin adds users to their own organisation only; new organisations come from the CLI.
          if (by !== 'cli') throw new VigieError('FORBIDDEN');
          // Another creation of the same organisation may have won meanwhile: then its row is the one used.
          org = await s.accounts.addOrganisation({
            id: randomUUID(),
            name: input.organisation,
            createdAt: at,
          });
        } else if (by !== 'cli' && org.id !== by.organisationId) throw new VigieError('FORBIDDEN');
        const user = {
          id: randomUUID(),
          organisationId: org.id,
          email,
          displayName: input.displayName ?? email,
          role: input.role,
          regions: input.regions ?? [],
          passwordHash,
          disabled: false,
          createdAt: at,
        };
        await s.accounts.addUser(user);
        await audit.record(s, {
          actorId: by === 'cli' ? null : by.userId,
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          details: { role: user.role, via: by === 'cli' ? 'cli' : by.via },
        });
        return userView({ ...user, organisationName: org.name });
      });
    },

    async authenticate(email, password, address) {
      return principalOf(await checkCredentials(email, password, address), 'cli');
    },

    async login(email, password, address) {
      const user = await checkCredentials(email, password, address);
      const sessionId = newSecret('vigie_ses');
      const csrfToken = newSecret('vigie_csrf');
      const at = now();
      await port.transaction(async (s) => {
        await s.accounts.addSession({
          idHash: hashSecret(sessionId),
          userId: user.id,
          csrfHash: hashSecret(csrfToken),
          createdAt: at,
          lastSeenAt: at,
          expiresAt: iso(nowMs() + SESSION_IDLE_MS),
        });
        await audit.record(s, {
          actorId: user.id,
          action: 'session.login',
          targetType: 'user',
          targetId: user.id,
        });
      });
      return { sessionId, csrfToken, user: userView(user) };
    },

    async logout(sessionId) {
      await port.accounts.deleteSession(hashSecret(sessionId));
    },

    async session(sessionId) {
      const idHash = hashSecret(sessionId);
      const session = await port.accounts.session(idHash);
      if (!session || Date.parse(session.expiresAt) <= nowMs()) return null;
      const user = await port.accounts.userById(session.userId);
      if (!user || user.disabled) return null;
      const hardEnd = Date.parse(session.createdAt) + SESSION_MAX_MS;
      if (hardEnd <= nowMs()) return null;
      // Sliding expiry, written at most once a minute to spare the database.
      if (nowMs() - Date.parse(session.lastSeenAt) > 60_000) {
        await port.accounts.touchSession(idHash, now(), iso(Math.min(nowMs() + SESSION_IDLE_MS, hardEnd)));
      }
      return {
        principal: principalOf(user, 'session'),
        csrfMatches: (sent: string) => sameSecret(hashSecret(sent), session.csrfHash),
        user: userView(user),
      };
    },

    async token(secret) {
      const token = await port.accounts.tokenByHash(hashSecret(secret));
      if (!token || token.revokedAt || (token.expiresAt && Date.parse(token.expiresAt) <= nowMs()))
        return null;
      const user = await port.accounts.userById(token.userId);
      if (!user || user.disabled) return null;
      if (!token.lastUsedAt || nowMs() - Date.parse(token.lastUsedAt) > 60_000)
        await port.accounts.touchToken(token.id, now());
      return { principal: principalOf(user, 'token', !token.canWrite), canWrite: token.canWrite };
    },

    async createToken(by, name, canWrite, days) {
      const token = newSecret('vigie_tok');
      const id = randomUUID();
      const at = now();
      await port.transaction(async (s) => {
        await s.accounts.addToken({
          id,
          userId: by.userId,
          name,
          tokenHash: hashSecret(token),
          canWrite,
          createdAt: at,
          expiresAt: days === null ? null : iso(nowMs() + days * 86_400_000),
          lastUsedAt: null,
          revokedAt: null,
        });
        await audit.record(s, {
          actorId: by.userId,
          action: 'token.create',
          targetType: 'token',
          targetId: id,
          details: { canWrite },
        });
      });
      return { id, token };
    },

    async users(by) {
      if (!canManageUsers(by)) throw new VigieError('FORBIDDEN');
      return (await port.accounts.listUsers(by.organisationId)).map(userView);
    },

    async hasUsers() {
      return (await port.accounts.countUsers()) > 0;
    },

    async user(id) {
      const u = await port.accounts.userById(id);
      return u ? userView(u) : null;
    },
  };
}
