import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import type { IncidentSummary } from '../lib/incident-types.ts';
import { Link } from './Link.tsx';

/** Incident summaries: reference (a link to the incident), date, place codes, harms, perpetrators, status. */
export function IncidentTable({
  incidents,
  caption,
  testId,
}: {
  incidents: IncidentSummary[];
  caption: string;
  testId: string;
}) {
  const { t, fmt, label } = useI18n();
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incident.reference')}</th>
            <th scope="col">{t('incident.date')}</th>
            <th scope="col">{t('incident.place')}</th>
            <th scope="col">{t('incident.harms')}</th>
            <th scope="col">{t('incident.perpetrators')}</th>
            <th scope="col">{t('incident.status')}</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} data-id={i.id} data-status={i.status}>
              <td>
                <Link to={`/incidents/${i.id}`} search="">
                  {i.reference}
                </Link>
              </td>
              <td>
                {fmt.date(i.date.from)}
                {i.date.to ? ` – ${fmt.date(i.date.to)}` : ''}
              </td>
              <td>
                {[i.place.admin2Pcode ?? i.place.admin1Pcode, i.place.locationName]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </td>
              <td>{i.harmTypes.map((h) => t(`incidentHarm.${h}` as MessageKey)).join(', ')}</td>
              <td>{i.perpetrators.map((p) => label('perpetrator', p.category)).join(', ') || '—'}</td>
              <td>
                <span className={`badge status-${i.status}`}>{t(`state.${i.status}` as MessageKey)}</span>
                {i.flags.crsv ? <span className="badge flag">{t('flag.crsv')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
