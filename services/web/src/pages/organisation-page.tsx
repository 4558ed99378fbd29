import { useState } from 'react';
import { useApp, useLoad } from '../components/app-context';
import { Badge, Loading, ProblemNotice, Section, When } from '../components/ui';
import { funnelBars } from '../lib/charts';
import { formatRoute } from '../lib/router';

interface HeatMap {
  readonly rows: readonly { unitId: string; name: string; byZone: Record<string, number>; teams: readonly { teamId: string; name: string; zone: string | null }[] }[];
}
interface Funnel {
  readonly phases: readonly string[];
  readonly points: readonly { period: string; teams: number; reached: Record<string, number> }[];
}
interface Signal {
  readonly signalId: string;
  readonly rule: string;
  readonly teamId: string;
  readonly at: string;
  readonly explanation: string;
}
interface Outcomes {
  readonly teams: readonly { teamId: string; name: string; engagement?: number | null; absenteeismRate?: number | null; innovativeIdeas?: number | null; projectLeadTimeDays?: number | null; psychologicalSafety: number | null; abiTotal: number | null; trustN: number | null }[];
  readonly correlations: readonly { outcome: string; trust: string; rho: number | null; n: number; note: string }[];
}

const ZONE_ORDER = ['learning', 'comfort', 'anxiety', 'apathy', 'unplaced'];

function currentQuarter(now: Date): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

function previousQuarter(quarter: string): string {
  const [year, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The organisation: zones across units and teams, the adoption funnel, signals with their explanation, outcomes next to trust. All from analytics' read models. */
export function OrganisationPage() {
  const { t, api, label } = useApp();
  const [from] = useState(() => new Date(Date.UTC(new Date().getUTCFullYear() - 1, new Date().getUTCMonth(), 1)).toISOString());
  const [period, setPeriod] = useState(() => previousQuarter(currentQuarter(new Date())));
  const [signalCursor, setSignalCursor] = useState<string[]>([]);
  const heat = useLoad(() => api.get<HeatMap>('/api/analytics/zone-heat-map'), [api]);
  const funnel = useLoad(() => api.get<Funnel>('/api/analytics/adoption-funnel', { by: 'quarter', from }), [api, from]);
  const after = signalCursor[signalCursor.length - 1];
  const signals = useLoad(() => api.get<{ items: readonly Signal[]; next?: string }>('/api/analytics/signals', { limit: 20, after }), [api, after]);
  const outcomes = useLoad(() => api.get<Outcomes>('/api/analytics/outcomes', { period }), [api, period]);
  const lastPoint = funnel.data?.points[funnel.data.points.length - 1];
  const bars = lastPoint ? funnelBars(funnel.data!.phases.map((p) => lastPoint.reached[p] ?? 0), 260) : [];
  return (
    <div>
      <h1>{t('org.title')}</h1>
      <div className="grid">
        <Section title={t('org.heatMap')} id="heat">
          <ProblemNotice problem={heat.error} />
          <Loading loading={heat.loading} />
          {heat.data ? (
            <div className="scroll" tabIndex={0} role="region" aria-label={t('common.scrollable')}>
              <table className="heat" data-testid="heat-map">
                <caption className="sr-only">{t('org.heatMap')}</caption>
                <thead><tr><th scope="col">{t('org.unit')}</th>{ZONE_ORDER.map((z) => <th key={z} scope="col">{label(`zone.${z}`, z)}</th>)}<th scope="col">{t('org.teams')}</th></tr></thead>
                <tbody>
                  {heat.data.rows.map((row) => (
                    <tr key={row.unitId}>
                      <th scope="row">{row.name}</th>
                      {ZONE_ORDER.map((z) => <td key={z} className={row.byZone[z] ? `zone-cell zone-${z}` : 'zone-cell'}>{row.byZone[z] ?? 0}</td>)}
                      <td>
                        <ul className="chips">
                          {row.teams.map((team) => <li key={team.teamId}><a className={`chip zone-${team.zone ?? 'unplaced'}`} href={formatRoute({ name: 'team', teamId: team.teamId, tab: 'overview' })}>{team.name}: {label(`zone.${team.zone ?? 'unplaced'}`, team.zone ?? '')}</a></li>)}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Section>
        <Section title={t('org.funnel')} id="funnel">
          <ProblemNotice problem={funnel.error} />
          {lastPoint ? (
            <figure className="chart">
              <figcaption>{t('org.funnelCaption', { period: lastPoint.period, n: lastPoint.teams })}</figcaption>
              <svg viewBox={`0 0 420 ${funnel.data!.phases.length * 34 + 10}`} role="img" aria-label={t('org.funnel')} data-testid="funnel">
                {funnel.data!.phases.map((phase, i) => (
                  <g key={phase}>
                    <text x={0} y={i * 34 + 24} className="chart-label">{label(`phase.${phase}`, phase)}</text>
                    <rect x={120} y={i * 34 + 8} width={Math.max(bars[i]!, 1)} height={24} className="funnel-bar" />
                    <text x={126 + bars[i]!} y={i * 34 + 24} className="chart-label">{lastPoint.reached[phase] ?? 0}</text>
                  </g>
                ))}
              </svg>
            </figure>
          ) : null}
        </Section>
        <Section title={t('org.signals')} id="signals">
          <ProblemNotice problem={signals.error} />
          <ul className="stack">
            {signals.data?.items.map((s) => (
              <li key={s.signalId} className="item" data-testid="signal">
                <Badge tone="warn">{label(`rule.${s.rule}`, s.rule)}</Badge> <When at={s.at} /> · <a href={formatRoute({ name: 'team', teamId: s.teamId, tab: 'overview' })}>{t('org.team')}</a>
                <p>{s.explanation}</p>
              </li>
            ))}
          </ul>
          <div className="pager">
            <button type="button" className="button-quiet" disabled={signalCursor.length === 0} onClick={() => setSignalCursor((c) => c.slice(0, -1))}>{t('common.previous')}</button>
            <button type="button" className="button-quiet" disabled={!signals.data?.next} onClick={() => signals.data?.next && setSignalCursor((c) => [...c, signals.data!.next!])}>{t('common.next')}</button>
          </div>
        </Section>
        <Section title={t('org.outcomes')} id="outcomes">
          <div className="field">
            <label htmlFor="period">{t('org.period')}</label>
            <input id="period" value={period} onChange={(e) => setPeriod(e.target.value)} pattern="\d{4}-Q[1-4]" />
          </div>
          <ProblemNotice problem={outcomes.error} />
          {outcomes.data ? (
            <div className="scroll" tabIndex={0} role="region" aria-label={t('common.scrollable')}>
              <table data-testid="outcomes">
                <caption className="sr-only">{t('org.outcomes')}</caption>
                <thead><tr><th scope="col">{t('org.team')}</th><th scope="col">{t('org.engagement')}</th><th scope="col">{t('org.absenteeism')}</th><th scope="col">{t('org.ideas')}</th><th scope="col">{t('org.leadTime')}</th><th scope="col">{t('org.safety')}</th><th scope="col">{t('org.abi')}</th></tr></thead>
                <tbody>
                  {outcomes.data.teams.map((row) => (
                    <tr key={row.teamId}>
                      <th scope="row">{row.name}</th>
                      <td>{row.engagement ?? '—'}</td><td>{row.absenteeismRate ?? '—'}</td><td>{row.innovativeIdeas ?? '—'}</td><td>{row.projectLeadTimeDays ?? '—'}</td>
                      <td>{row.psychologicalSafety?.toFixed(2) ?? '—'}</td><td>{row.abiTotal?.toFixed(2) ?? '—'}{row.trustN ? ` (n=${row.trustN})` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ul className="small">
                {outcomes.data.correlations.map((c) => <li key={`${c.outcome}-${c.trust}`}>{t('org.correlation', { outcome: label(`outcome.${c.outcome}`, c.outcome), trust: label(`outcome.${c.trust}`, c.trust), rho: c.rho === null ? '—' : c.rho.toFixed(2), n: c.n })} <span className="muted">{c.note}</span></li>)}
              </ul>
              <p className="hint">{t('org.notCause')}</p>
            </div>
          ) : null}
        </Section>
      </div>
    </div>
  );
}
