import { canManageUsers, ROLES, type Principal, type Role } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../security/passwords.ts';
import { userView, type UserView } from './accounts.ts';
import type { AuditLog } from './audit-log.ts';
import { MAX_FAILURES_PER_EMAIL, refuseWhenLocked } from './login-guard.ts';
import type { ProtectionPort } from './ports/protection-port.ts';

export interface UserChange {
  role?: Role;
  regions?: string[];
  disabled?: boolean;
  displayName?: string;
}

export interface TokenView {
  id: string;
  name: string;
  canWrite: boolean;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * What an administrator does when someone leaves, changes post or loses a laptop: change a role or region scope,
 * disable the account (which ends its sessions at once; its tokens stop working with it), and what every user
 * does for themselves: change their password (ending their other sessions) and revoke their own tokens.
 */
export function accountAdmin(port: ProtectionPort, audit: AuditLog, now: () => string) {
  /** The command line holds the database and its key, so it acts with full rights ('cli'). */
  async function sameOrganisation(by: Principal | 'cli', id: string) {
    if (by !== 'cli' && !canManageUsers(by)) throw new VigieError('FORBIDDEN');
    const user = await port.accounts.userById(id);
    if (!user || (by !== 'cli' && user.organisationId !== by.organisationId))
      throw new VigieError('NOT_FOUND');
    return user;
  }

  return {
    async users(by: 'cli'): Promise<UserView[]> {
      void by;
      return (await port.accounts.listUsers(null)).map(userView);
    },

    async updateUser(by: Principal | 'cli', id: string, change: UserChange): Promise<UserView> {
      const user = await sameOrganisation(by, id);
      if (change.role !== undefined && !ROLES.includes(change.role))
        throw new VigieError('VALIDATION_FAILED', { field: 'role' });
      // An admin cannot lock the organisation out by demoting or disabling themselves.
      if (
        by !== 'cli' &&
        id === by.userId &&
        (change.disabled === true || (change.role !== undefined && change.role !== 'admin'))
      )
        throw new VigieError('CONFLICT', { reason: 'own-account' });
      const at = now();
      await port.transaction(async (s) => {
        await s.accounts.updateUser(id, change, at);
        if (change.disabled === true || change.role !== undefined || change.regions !== undefined)
          await s.accounts.deleteUserSessions(id);
        await audit.record(s, {
          actorId: by === 'cli' ? null : by.userId,
          action: 'user.update',
          targetType: 'user',
          targetId: id,
          details: {
            role: change.role ?? null,
            disabled: change.disabled ?? null,
            regions: change.regions?.join(',') ?? null,
          },
        });
      });
      return userView({ ...user, ...change });
    },

    async changePassword(by: Principal, current: string, next: string): Promise<void> {
      // A read-only token must not lock its user out; a stolen session must not guess without end.
      if (by.readOnly) throw new VigieError('FORBIDDEN');
      const key = `password:${by.userId}`;
      await refuseWhenLocked(port.accounts, now, key, MAX_FAILURES_PER_EMAIL);
      const user = await port.accounts.userById(by.userId);
      if (!user || !(await verifyPassword(user.passwordHash, current))) {
        await port.accounts.recordLoginFailure(key, now());
        throw new VigieError('UNAUTHENTICATED', { reason: 'bad-credentials' });
      }
      await port.accounts.clearLoginFailures(key);
      const problem = passwordProblem(next);
      if (problem) throw new VigieError('VALIDATION_FAILED', { field: 'password', reason: problem });
      const passwordHash = await hashPassword(next);
      const at = now();
      await port.transaction(async (s) => {
        await s.accounts.updateUser(by.userId, { passwordHash }, at);
        await s.accounts.deleteUserSessions(by.userId);
        await audit.record(s, {
          actorId: by.userId,
          action: 'user.password',
          targetType: 'user',
          targetId: by.userId,
        });
      });
    },

    async tokens(by: Principal): Promise<TokenView[]> {
      return (await port.accounts.listTokens(by.userId)).map(
        ({ tokenHash: _hash, userId: _user, ...t }) => t,
      );
    },

    async revokeToken(by: Principal, id: string): Promise<void> {
      if (by.readOnly) throw new VigieError('FORBIDDEN');
      await port.transaction(async (s) => {
        if (!(await s.accounts.revokeToken(id, by.userId, now()))) throw new VigieError('NOT_FOUND');
        await audit.record(s, {
          actorId: by.userId,
          action: 'token.revoke',
          targetType: 'token',
          targetId: id,
        });
      });
    },
  };
}

export type AccountAdmin = ReturnType<typeof accountAdmin>;
