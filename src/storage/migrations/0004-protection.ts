import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/** People and access, incidents with sealed protected fields, evidence and custody, and the audit chain. */
export async function up(db: Kysely<unknown>, d: DialectColumns): Promise<void> {
  const s = db.schema;
  await s
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('regions_json', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('can_write', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await d
    .addId(s.createTable('login_failures'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('login_failures_key_idx').on('login_failures').columns(['key', 'at']).execute();
  await s
    .createTable('data_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('client_id', 'text')
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text')
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('pcode', 'text')
    .addColumn('location_name', 'text')
    .addColumn('place_precision', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('admin1_pcode', 'text')
    .addColumn('admin2_pcode', 'text')
    .addColumn('harm_types_json', 'text', (c) => c.notNull())
    .addColumn('perpetrators_json', 'text', (c) => c.notNull())
    .addColumn('retaliation_un', 'integer', (c) => c.notNull())
    .addColumn('un_cooperation_kind', 'text')
    .addColumn('crsv', 'integer', (c) => c.notNull())
    .addColumn('child_victims', 'integer', (c) => c.notNull())
    .addColumn('narrative_sealed', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('standard_of_proof', 'text')
    .addColumn('data_key_id', 'text')
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await s
    .createIndex('incidents_client_idx')
    .on('incidents')
    .columns(['organisation_id', 'client_id'])
    .unique()
    .execute();
  await s
    .createIndex('incidents_status_idx')
    .on('incidents')
    .columns(['organisation_id', 'status'])
    .execute();
  await s.createIndex('incidents_month_idx').on('incidents').columns(['month']).execute();

  const children: Array<[string, (t: ReturnType<typeof s.createTable>) => ReturnType<typeof s.createTable>]> =
    [
      [
        'incident_members',
        (t) =>
          t
            .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
            .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
            .addColumn('added_by', 'text', (c) => c.notNull())
            .addColumn('added_at', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('incident_members_pk', ['incident_id', 'user_id']),
      ],
      [
        'incident_sources',
        (t) =>
          t
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
            .addColumn('position', 'integer', (c) => c.notNull())
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('reliability', 'text', (c) => c.notNull())
            .addColumn('credibility', 'integer', (c) => c.notNull())
            .addColumn('description_sealed', 'text'),
      ],
      [
        'victim_counts',
        (t) =>
          t
            .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
            .addColumn('harm', 'text', (c) => c.notNull())
            .addColumn('sex', 'text', (c) => c.notNull())
            .addColumn('age_group', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('count', 'integer', (c) => c.notNull())
            .addPrimaryKeyConstraint('victim_counts_pk', [
              'incident_id',
              'harm',
              'sex',
              'age_group',
              'status',
            ]),
      ],
      [
        'victims',
        (t) =>
          t
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
            .addColumn('position', 'integer', (c) => c.notNull())
            .addColumn('sex', 'text', (c) => c.notNull())
            .addColumn('age_group', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('harms_json', 'text', (c) => c.notNull())
            .addColumn('consent', 'text', (c) => c.notNull())
            .addColumn('consent_partner', 'text')
            .addColumn('name_sealed', 'text')
            .addColumn('contact_sealed', 'text')
            .addColumn('address_sealed', 'text')
            .addColumn('testimony_sealed', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull()),
      ],
      [
        'evidence',
        (t) =>
          t
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
            .addColumn('file_name_sealed', 'text')
            .addColumn('media_type', 'text', (c) => c.notNull())
            .addColumn('size_bytes', 'integer', (c) => c.notNull())
            .addColumn('sha256', 'text', (c) => c.notNull())
            .addColumn('content_sealed', 'text')
            .addColumn('received_at', 'text', (c) => c.notNull())
            .addColumn('received_by', 'text', (c) => c.notNull()),
      ],
      [
        'incident_event_links',
        (t) =>
          t
            .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
            .addColumn('event_id', 'integer', (c) => c.notNull())
            .addColumn('confirmed_by', 'text', (c) => c.notNull())
            .addColumn('confirmed_at', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('incident_event_links_pk', ['incident_id', 'event_id']),
      ],
    ];
  for (const [name, build] of children) await build(s.createTable(name)).execute();
  for (const name of ['incident_sources', 'victim_counts', 'victims', 'evidence']) {
    await s.createIndex(`${name}_incident_idx`).on(name).column('incident_id').execute();
  }

  await d
    .addId(s.createTable('custody_log'))
    .addColumn('evidence_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await d
    .addId(s.createTable('verification_steps'))
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('standard_of_proof', 'text')
    .addColumn('reason_sealed', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await d
    .addId(s.createTable('audit_log'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
  const indexes: Array<[string, string, string[]]> = [
    ['audit_log_target_idx', 'audit_log', ['target_id']],
    ['sessions_user_idx', 'sessions', ['user_id']],
    ['api_tokens_user_idx', 'api_tokens', ['user_id']],
    ['custody_log_evidence_idx', 'custody_log', ['evidence_id']],
    ['verification_steps_incident_idx', 'verification_steps', ['incident_id']],
    ['incidents_page_idx', 'incidents', ['organisation_id', 'created_at', 'id']],
  ];
  for (const [name, table, columns] of indexes)
    await s.createIndex(name).on(table).columns(columns).execute();
  await s
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
}
