import type { AccountsPort, ApiTokenRecord } from '../../services/ports/protection-port.ts';
import type { ApiTokensTable } from '../schema-protection.ts';
import { changed, fromFlag, toFlag, type Db } from './run.ts';

type SessionMethods = Pick<
  AccountsPort,
  | 'addSession'
  | 'session'
  | 'touchSession'
  | 'deleteSession'
  | 'deleteUserSessions'
  | 'addToken'
  | 'tokenByHash'
  | 'listTokens'
  | 'revokeToken'
  | 'touchToken'
  | 'recordLoginFailure'
  | 'loginFailuresSince'
  | 'clearLoginFailures'
>;

/** Sessions and API tokens, looked up by hash only, and the login-failure window of the rate limiter. */
export function sessionsAndTokens(db: Db): SessionMethods {
  return {
    async addSession(s) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          csrf_hash: s.csrfHash,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          last_seen_at: s.lastSeenAt,
        })
        .execute();
    },

    async session(idHash) {
      const r = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      if (!r) return null;
      return {
        idHash: r.id_hash,
        userId: r.user_id,
        csrfHash: r.csrf_hash,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        lastSeenAt: r.last_seen_at,
      };
    },

    async touchSession(idHash, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async deleteSession(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteUserSessions(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    async addToken(t) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          user_id: t.userId,
          name: t.name,
          token_hash: t.tokenHash,
          can_write: toFlag(t.canWrite),
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          last_used_at: t.lastUsedAt,
          revoked_at: t.revokedAt,
        })
        .execute();
    },

    async tokenByHash(tokenHash) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r ? toToken(r) : null;
    },

    async listTokens(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toToken);
    },

    async revokeToken(id, userId, at) {
      // Only the owner's token; revoking twice keeps the first revocation time and still answers true.
      const result = await db
        .updateTable('api_tokens')
        .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return changed(result) > 0;
    },

    async touchToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    async recordLoginFailure(key, at) {
      await db.insertInto('login_failures').values({ key, at }).execute();
    },

    async loginFailuresSince(key, since) {
      const r = await db
        .selectFrom('login_failures')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
        .where('key', '=', key)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), oldest: r.oldest ?? null };
    },

    async clearLoginFailures(key) {
      await db.deleteFrom('login_failures').where('key', '=', key).execute();
    },
  };
}

function toToken(r: ApiTokensTable): ApiTokenRecord {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    tokenHash: r.token_hash,
    canWrite: fromFlag(r.can_write),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}
