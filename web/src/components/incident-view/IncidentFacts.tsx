import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import type { IncidentDetail } from '../../lib/incident-types.ts';

/** The summary every reader of the incident may see: date, place codes, harms, perpetrators, flags, status. */
export function IncidentFacts({ incident: i }: { incident: IncidentDetail }) {
  const { t, fmt, label } = useI18n();
  const flags = [
    i.flags.retaliationForUnCooperation
      ? `${t('flag.retaliation')}${i.flags.unCooperationKind ? ` (${t(`unCooperation.${i.flags.unCooperationKind}` as MessageKey)})` : ''}`
      : null,
    i.flags.crsv ? t('flag.crsv') : null,
    i.flags.childVictims ? t('flag.childVictims') : null,
  ].filter((f): f is string => f !== null);
  return (
    <section aria-labelledby="facts-title" data-testid="incident-facts">
      <h2 id="facts-title">{t('incident.summary')}</h2>
      <dl className="detail-list">
        <dt>{t('incident.status')}</dt>
        <dd data-testid="incident-status" data-status={i.status}>
          {t(`state.${i.status}` as MessageKey)}
          {i.standardOfProof ? ` — ${t(`proof.${i.standardOfProof}` as MessageKey)}` : ''}
        </dd>
        <dt>{t('incident.date')}</dt>
        <dd>
          {fmt.date(i.date.from)}
          {i.date.to ? ` – ${fmt.date(i.date.to)}` : ''} (
          {t(`datePrecision.${i.date.precision}` as MessageKey)})
        </dd>
        <dt>{t('incident.place')}</dt>
        <dd>
          {[
            ...new Set(
              [i.place.locationName, i.place.pcode, i.place.admin2Pcode, i.place.admin1Pcode].filter(Boolean),
            ),
          ].join(' · ') || '—'}{' '}
          ({t(`placePrecision.${i.place.precision}` as MessageKey)})
          {i.point ? ` — ${fmt.number4(i.point.latitude)}, ${fmt.number4(i.point.longitude)}` : ''}
        </dd>
        <dt>{t('incident.harms')}</dt>
        <dd>{i.harmTypes.map((h) => t(`incidentHarm.${h}` as MessageKey)).join(', ')}</dd>
        <dt>{t('incident.perpetrators')}</dt>
        <dd>
          {i.perpetrators
            .map((p) => `${label('perpetrator', p.category)}${p.name ? ` (${p.name})` : ''}`)
            .join(', ') || '—'}
        </dd>
        <dt>{t('incident.flags')}</dt>
        <dd>{flags.length > 0 ? flags.join(', ') : t('incident.noFlags')}</dd>
        <dt>{t('incident.recorded')}</dt>
        <dd>{fmt.dateTime(i.createdAt)}</dd>
      </dl>
    </section>
  );
}
