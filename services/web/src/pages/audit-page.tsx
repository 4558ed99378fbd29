import { useState, type FormEvent } from 'react';
import { useApp, useLoad } from '../components/app-context';
import { Loading, ProblemNotice, Section, When } from '../components/ui';
import { formatRoute } from '../lib/router';
import { isAuditor, traceLink } from '../lib/session';

interface AuditEvent {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: { id: string; kind: string };
  readonly reason?: string | null;
  readonly traceparent?: string | null;
  readonly streamPosition: number;
}

/** The history of any item (an aggregate's stream): who, when, why, and a link to the trace of the request. */
export function AuditPage({ streamId }: { readonly streamId: string | null }) {
  const { t, session } = useApp();
  const [value, setValue] = useState(streamId ?? '');
  const open = (event: FormEvent) => {
    event.preventDefault();
    window.location.hash = formatRoute({ name: 'audit', streamId: value.trim() || null });
  };
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      {!isAuditor(session) ? <p className="notice notice-warn">{t('audit.needsRole')}</p> : null}
      <form className="card row" onSubmit={open}>
        <div className="field">
          <label htmlFor="stream-id">{t('audit.stream')}</label>
          <input id="stream-id" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <button type="submit">{t('audit.show')}</button>
      </form>
      {streamId && isAuditor(session) ? <History streamId={streamId} /> : null}
    </div>
  );
}

function History({ streamId }: { readonly streamId: string }) {
  const { t, api, config } = useApp();
  const [from, setFrom] = useState<number[]>([]);
  const fromPosition = from[from.length - 1];
  const history = useLoad(() => api.get<{ events: readonly AuditEvent[]; nextFromPosition?: number | null }>(`/api/audit/streams/${encodeURIComponent(streamId)}/events`, { fromPosition, limit: 50 }), [api, streamId, fromPosition]);
  return (
    <Section title={t('audit.history', { stream: streamId })} id="history">
      <ProblemNotice problem={history.error} />
      <Loading loading={history.loading} />
      {history.data ? (
        <table data-testid="audit-history">
          <caption className="sr-only">{t('audit.history', { stream: streamId })}</caption>
          <thead><tr><th scope="col">#</th><th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('common.when')}</th><th scope="col">{t('audit.why')}</th><th scope="col">{t('audit.trace')}</th></tr></thead>
          <tbody>
            {history.data.events.map((e) => {
              const trace = traceLink(config.traceUrlTemplate, e.traceparent);
              return (
                <tr key={e.eventId} data-testid="audit-row">
                  <td>{e.streamPosition}</td>
                  <td>{e.type}</td>
                  <td>{e.actor.id}</td>
                  <td><When at={e.occurredAt} /></td>
                  <td>{e.reason ?? '—'}</td>
                  <td>{trace ? (trace.href ? <a href={trace.href} target="_blank" rel="noreferrer" data-testid="trace-link">{t('audit.openTrace', { id: trace.traceId.slice(0, 8) })}</a> : <code data-testid="trace-id">{trace.traceId}</code>) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div className="pager">
        <button type="button" className="button-quiet" disabled={from.length === 0} onClick={() => setFrom((f) => f.slice(0, -1))}>{t('common.previous')}</button>
        <button type="button" className="button-quiet" disabled={!history.data?.nextFromPosition} onClick={() => history.data?.nextFromPosition && setFrom((f) => [...f, history.data!.nextFromPosition!])}>{t('common.next')}</button>
      </div>
    </Section>
  );
}
