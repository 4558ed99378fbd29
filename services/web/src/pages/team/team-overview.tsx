import { useApp, useLoad } from '../../components/app-context';
import { TrendChart, ZoneChart, type TrendPoint } from '../../components/charts';
import { Loading, ProblemNotice, Section, When } from '../../components/ui';
import type { Page, TeamSummary } from '../types';

interface ZoneAnswer {
  readonly zone: string | null;
  readonly changes: readonly { roundId: string; from: string | null; to: string; safety: number; standards: number; thresholds: { safetyHighFrom: number; standardsHighFrom: number }; changedAt: string }[];
}
interface RoundSummary {
  readonly roundId: string;
  readonly status: string;
  readonly closedAt: string | null;
  readonly outcome?: string | null;
}
interface RoundResults {
  readonly kind: string;
  readonly closedAt?: string;
  readonly results?: readonly { instrumentId: string; n: number; total: { mean: number; n: number } }[];
}

/** Zone now and over time; trust trends from the closed rounds' results the API shows (above the threshold only). */
export function TeamOverview({ team }: { readonly team: TeamSummary }) {
  const { t, api, label } = useApp();
  const zone = useLoad(() => api.get<ZoneAnswer>(`/api/assessment/teams/${team.teamId}/zone`, { limit: 50 }), [api, team.teamId]);
  const trends = useLoad(async () => {
    const rounds = await api.get<Page<RoundSummary>>(`/api/assessment/teams/${team.teamId}/rounds`, { status: 'closed', limit: 8 });
    const shown = rounds.items.filter((round) => round.outcome === 'results');
    const results = await Promise.all(shown.map((round) => api.get<RoundResults>(`/api/assessment/rounds/${round.roundId}/results`)));
    const series = (instrumentId: string): TrendPoint[] =>
      results
        .flatMap((answer) => {
          const result = answer.kind === 'results' ? answer.results?.find((r) => r.instrumentId === instrumentId) : undefined;
          return result ? [{ value: result.total.mean, n: result.total.n, at: answer.closedAt ?? '' }] : [];
        })
        .sort((a, b) => a.at.localeCompare(b.at));
    return { safety: series('psychological-safety'), abi: series('abi-trustworthiness'), withheld: rounds.items.length - shown.length };
  }, [api, team.teamId]);
  // Only zone changes are drawn: each has the round's safety and standards.
  const changes = (zone.data?.changes ?? []).filter((c) => typeof c.safety === 'number' && typeof c.standards === 'number' && typeof c.to === 'string');
  const thresholds = changes[changes.length - 1]?.thresholds ?? { safetyHighFrom: 5, standardsHighFrom: 5 };
  return (
    <div className="grid">
      <Section title={t('overview.zone')} id="zone">
        <ProblemNotice problem={zone.error} />
        <Loading loading={zone.loading} />
        {zone.data ? (
          <>
            <p>
              {t('overview.zoneNow')}: <strong data-testid="zone-now">{zone.data.zone ? label(`zone.${zone.data.zone}`, zone.data.zone) : t('overview.noZone')}</strong>
            </p>
            <ZoneChart thresholds={thresholds} points={changes.map((c) => ({ safety: c.safety, standards: c.standards, at: c.changedAt, zone: c.to }))} />
            <table>
              <caption>{t('overview.zoneHistory')}</caption>
              <thead><tr><th scope="col">{t('common.when')}</th><th scope="col">{t('overview.zone')}</th><th scope="col">{t('chart.safetyAxis')}</th><th scope="col">{t('chart.standardsAxis')}</th></tr></thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.roundId}><td><When at={c.changedAt} /></td><td>{label(`zone.${c.to}`, c.to)}</td><td>{c.safety.toFixed(2)}</td><td>{c.standards.toFixed(2)}</td></tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </Section>
      <Section title={t('overview.trust')} id="trust">
        <ProblemNotice problem={trends.error} />
        <Loading loading={trends.loading} />
        {trends.data ? (
          <>
            <p className="hint">{t('overview.trustHint')}</p>
            <TrendChart title={t('overview.safetyTrend')} points={trends.data.safety} domain={[1, 7]} testId="safety-trend" />
            <TrendChart title={t('overview.abiTrend')} points={trends.data.abi} domain={[1, 5]} testId="abi-trend" />
            {trends.data.withheld > 0 ? <p className="muted">{t('overview.withheld', { n: trends.data.withheld })}</p> : null}
          </>
        ) : null}
      </Section>
    </div>
  );
}
