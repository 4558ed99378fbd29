import { useState } from 'react';
import { useApp, useLoad } from '../../components/app-context';
import { Badge, Loading, ProblemNotice, Section, Success, When } from '../../components/ui';
import type { ProblemView } from '../../lib/problems';
import type { Member, TeamSummary } from '../types';

interface MembersAnswer {
  readonly members: readonly Member[];
  readonly readiness: { ready: boolean; missingMemberIds: readonly string[] };
}

/** Members with their yes, the rollout phase, and "say yes" for the person signed in. */
export function TeamMembers({ team }: { readonly team: TeamSummary }) {
  const { t, api, session, explain, label } = useApp();
  const members = useLoad(() => api.get<MembersAnswer>(`/api/governance/teams/${team.teamId}/members`), [api, team.teamId]);
  const [problem, setProblem] = useState<ProblemView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const me = members.data?.members.find((m) => m.memberId === session?.userId);
  const sayYes = async () => {
    setProblem(null);
    try {
      await api.post(`/api/governance/teams/${team.teamId}/members/${encodeURIComponent(session!.userId)}/yes`);
      setDone(t('members.yesSaid'));
      members.reload();
    } catch (error) {
      setProblem(explain(error));
    }
  };
  return (
    <Section title={t('members.title')} id="members">
      <p>{t('members.phase', { phase: label(`phase.${team.phase}`, team.phase) })} · {members.data ? (members.data.readiness.ready ? t('members.ready') : t('members.notReady', { n: members.data.readiness.missingMemberIds.length })) : null}</p>
      <ProblemNotice problem={members.error ?? problem} />
      <Success message={done} />
      <Loading loading={members.loading} />
      {me && !me.saidYes ? <p><button type="button" onClick={() => void sayYes()}>{t('members.sayYes')}</button> <span className="hint">{t('members.sayYesHint')}</span></p> : null}
      <table>
        <caption className="sr-only">{t('members.title')}</caption>
        <thead><tr><th scope="col">{t('members.member')}</th><th scope="col">{t('members.roles')}</th><th scope="col">{t('members.yes')}</th></tr></thead>
        <tbody>
          {members.data?.members.map((m) => (
            <tr key={m.memberId} data-testid="member-row">
              <td>{m.memberId}{m.memberId === session?.userId ? ` (${t('members.you')})` : ''}</td>
              <td>{m.roles.map((r) => label(`teamRole.${r}`, r)).join(', ')}</td>
              <td>{m.saidYes ? <><Badge tone="ok">{t('common.yes')}</Badge> <When at={m.yesGivenAt} /></> : <Badge tone="neutral">{t('members.notYet')}</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
