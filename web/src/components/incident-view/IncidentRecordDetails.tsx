import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import type { IncidentDetail } from '../../lib/incident-types.ts';

/** Narrative (when the view returns it), sources, verification history and victim counts. */
export function IncidentRecordDetails({ incident: i }: { incident: IncidentDetail }) {
  const { t, fmt } = useI18n();
  return (
    <>
      {i.narrative ? (
        <section aria-labelledby="narrative-title">
          <h2 id="narrative-title">{t('incident.narrative')}</h2>
          <p className="notes" data-testid="narrative">
            {i.narrative}
          </p>
        </section>
      ) : null}
      {i.view !== 'summary' ? (
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">{t('form.sources')}</h2>
          {i.sources.length === 0 ? (
            <p className="status">{t('incident.noSources')}</p>
          ) : (
            <ul>
              {i.sources.map((s, n) => (
                <li key={n}>
                  {t(`sourceKind.${s.kind}` as MessageKey)} — {s.reliability}
                  {s.credibility} ({t(`reliability.${s.reliability}` as MessageKey)},{' '}
                  {t(`credibility.${s.credibility}` as MessageKey)})
                  {s.description ? ` : ${s.description}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('incident.history')}</h2>
        {i.verification.length === 0 ? (
          <p className="status">{t('incident.noHistory')}</p>
        ) : (
          <ol data-testid="verification-history">
            {i.verification.map((v, n) => (
              <li key={n}>
                {fmt.dateTime(v.decidedAt)} — {t(`state.${v.from}` as MessageKey)} →{' '}
                {t(`state.${v.to}` as MessageKey)}
                {v.standardOfProof ? ` (${t(`proof.${v.standardOfProof}` as MessageKey)})` : ''}
                {v.reason ? ` : ${v.reason}` : ''}
                <span className="sub"> {t('incident.decidedBy', { who: v.decidedBy })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('form.victimCounts')}</h2>
        {i.victimCounts.length === 0 ? (
          <p className="status">{t('incident.noCounts')}</p>
        ) : (
          <table data-testid="victim-counts">
            <caption className="visually-hidden">{t('form.victimCounts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('form.harm')}</th>
                <th scope="col">{t('form.sex')}</th>
                <th scope="col">{t('form.age')}</th>
                <th scope="col">{t('form.victimStatus')}</th>
                <th scope="col" className="num">
                  {t('form.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {i.victimCounts.map((c) => (
                <tr key={`${c.harm}|${c.sex}|${c.age}|${c.status}`}>
                  <td>{t(`incidentHarm.${c.harm}` as MessageKey)}</td>
                  <td>{t(`sex.${c.sex}` as MessageKey)}</td>
                  <td>{t(`age.${c.age}` as MessageKey)}</td>
                  <td>{t(`victimStatus.${c.status}` as MessageKey)}</td>
                  <td className="num">{fmt.number(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
