import type { Role } from '../../core/access.ts';
import { VigieError } from '../../core/errors.ts';
import type { AccountsPort, UserRecord } from '../../services/ports/protection-port.ts';
import { changed, fromFlag, toFlag, type Db } from './run.ts';
import { sessionsAndTokens } from './sessions.ts';

/** Organisations and users; sessions, API tokens and login failures come from sessions.ts. */
export function accountsStore(db: Db): AccountsPort {
  const users = () =>
    db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .selectAll('users')
      .select('organisations.name as organisation_name');

  return {
    async organisationByName(name) {
      const row = await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('name', '=', name)
        .executeTakeFirst();
      return row ?? null;
    },

    // Find-or-create in one step that a concurrent creation cannot break: on PostgreSQL the insert waits for
    // another transaction's uncommitted row of the same name, then does nothing, and the read sees that row.
    async addOrganisation(org) {
      await db
        .insertInto('organisations')
        .values({ id: org.id, name: org.name, created_at: org.createdAt })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('name', '=', org.name)
        .executeTakeFirstOrThrow();
    },

    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async addUser(user) {
      const result = await db
        .insertInto('users')
        .values({
          id: user.id,
          organisation_id: user.organisationId,
          email: user.email.toLowerCase(),
          display_name: user.displayName,
          role: user.role,
          regions_json: JSON.stringify(user.regions),
          password_hash: user.passwordHash,
          disabled: toFlag(user.disabled),
          created_at: user.createdAt,
          password_changed_at: user.createdAt,
        })
        // An e-mail taken meanwhile (by a concurrent creation) is a conflict, not a failed statement.
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0)
        throw new VigieError('CONFLICT', { reason: 'email-in-use' });
    },

    async userByEmail(email) {
      const row = await users().where('users.email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async userById(id) {
      const row = await users().where('users.id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async listUsers(organisationId) {
      let query = users();
      if (organisationId !== null) query = query.where('users.organisation_id', '=', organisationId);
      const rows = await query.orderBy('users.email').execute();
      return rows.map(toUser);
    },

    async updateUser(id, change, at) {
      const set = {
        ...(change.role !== undefined && { role: change.role }),
        ...(change.regions !== undefined && { regions_json: JSON.stringify(change.regions) }),
        ...(change.disabled !== undefined && { disabled: toFlag(change.disabled) }),
        ...(change.displayName !== undefined && { display_name: change.displayName }),
        ...(change.passwordHash !== undefined && {
          password_hash: change.passwordHash,
          password_changed_at: at,
        }),
      };
      if (Object.keys(set).length === 0) return;
      const result = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
      if (changed(result) === 0) throw new VigieError('NOT_FOUND', { user: id });
    },

    ...sessionsAndTokens(db),
  };
}

interface UserRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  email: string;
  display_name: string;
  role: string;
  regions_json: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    email: r.email,
    displayName: r.display_name,
    role: r.role as Role,
    regions: JSON.parse(r.regions_json) as string[],
    passwordHash: r.password_hash,
    disabled: fromFlag(r.disabled),
    createdAt: r.created_at,
  };
}
