import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import type { IncidentDetail } from '../../lib/incident-types.ts';
import { AddVictimsPanel } from './AddVictimsPanel.tsx';

/**
 * Individual victim records: shown only when the answer carries them (the case's monitors); otherwise how many
 * records exist and that they are restricted. Nothing here is cached or stored by the app.
 */
export function VictimsSection({ incident, onChange }: { incident: IncidentDetail; onChange: () => void }) {
  const { t } = useI18n();
  const victims = incident.victims;
  return (
    <section aria-labelledby="victims-title" className="protected" data-testid="victims-section">
      <h2 id="victims-title">{t('form.victims')}</h2>
      {victims === undefined ? (
        <p className="status" data-testid="victims-restricted">
          {t('incident.victimsRestricted', { count: incident.victimRecords })}
        </p>
      ) : victims.length === 0 ? (
        <p className="status">{t('incident.noVictims')}</p>
      ) : (
        <>
          <div className="warning">
            <p>
              <strong>{t('form.protectedTitle')}</strong> {t('incident.victimsProtected')}
            </p>
          </div>
          {victims.map((v, n) => (
            <article
              key={v.id}
              className="victim-card"
              data-testid="victim-card"
              aria-labelledby={`victim-${v.id}`}
            >
              <h3 id={`victim-${v.id}`}>{v.name ?? t('form.victimN', { n: n + 1 })}</h3>
              <dl className="detail-list">
                <dt>{t('victim.profile')}</dt>
                <dd>
                  {t(`sex.${v.sex}` as MessageKey)}, {t(`age.${v.age}` as MessageKey)},{' '}
                  {t(`victimStatus.${v.status}` as MessageKey)}
                </dd>
                <dt>{t('victim.harms')}</dt>
                <dd>{v.harms.map((h) => t(`incidentHarm.${h}` as MessageKey)).join(', ')}</dd>
                <dt>{t('victim.consent')}</dt>
                <dd>
                  {t(`consent.${v.consent}` as MessageKey)}
                  {v.consentPartner ? ` — ${v.consentPartner}` : ''}
                </dd>
                {v.contact ? (
                  <>
                    <dt>{t('victim.contact')}</dt>
                    <dd>{v.contact}</dd>
                  </>
                ) : null}
                {v.address ? (
                  <>
                    <dt>{t('victim.address')}</dt>
                    <dd>{v.address}</dd>
                  </>
                ) : null}
              </dl>
              {v.testimony ? (
                <>
                  <h4>{t('victim.testimony')}</h4>
                  <p className="notes">{v.testimony}</p>
                </>
              ) : null}
            </article>
          ))}
        </>
      )}
      {victims !== undefined ? <AddVictimsPanel incident={incident} onAdded={onChange} /> : null}
    </section>
  );
}
