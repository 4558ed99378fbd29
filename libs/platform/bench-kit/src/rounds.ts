/** One paired round: the code under test and its raw baseline, in events/s (or any rate). */
export interface Round {
  readonly adapter: number;
  readonly raw: number;
  /** The same workload through a peer library (e.g. Emmett), when the bench has one. */
  readonly peer?: number;
}

export interface BenchRow {
  readonly scenario: string;
  /** Events per round. */
  readonly events: number;
  readonly rounds: readonly Round[];
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const perSecond = (n: number): string => Math.round(n).toLocaleString('en');

/** Medians over the rounds; the ratio is the median of the per-round ratios (the steadier figure on a shared machine). */
export interface Summary {
  readonly adapter: number;
  readonly raw: number;
  readonly ratio: number;
  /** Present when every round measured the peer: its median rate, its ratio to raw, and adapter / peer (median of per-round ratios). */
  readonly peer?: { readonly rate: number; readonly ratio: number; readonly adapterOverPeer: number };
}

export function summarize(row: BenchRow): Summary {
  const summary = {
    adapter: median(row.rounds.map((r) => r.adapter)),
    raw: median(row.rounds.map((r) => r.raw)),
    ratio: median(row.rounds.map((r) => r.adapter / r.raw)),
  };
  const peers = row.rounds.flatMap((r) => (r.peer === undefined ? [] : [{ ...r, peer: r.peer }]));
  if (peers.length === 0 || peers.length !== row.rounds.length) return summary;
  return {
    ...summary,
    peer: {
      rate: median(peers.map((r) => r.peer)),
      ratio: median(peers.map((r) => r.peer / r.raw)),
      adapterOverPeer: median(peers.map((r) => r.adapter / r.peer)),
    },
  };
}

export function markdownTable(rows: readonly BenchRow[], columns = { adapter: 'adapter events/s', raw: 'raw events/s', ratio: 'adapter / raw' }, peerName = 'peer'): string {
  if (rows.some((row) => summarize(row).peer)) {
    return [
      `| scenario | events per round | ${columns.adapter} | ${peerName} events/s | ${columns.raw} | ${columns.ratio} | ${peerName} / raw | adapter / ${peerName} |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((row) => {
        const { adapter, raw, ratio, peer } = summarize(row);
        const peerCells = peer ? [perSecond(peer.rate), perSecond(raw), `**${ratio.toFixed(2)}**`, peer.ratio.toFixed(2), `**${peer.adapterOverPeer.toFixed(2)}**`] : ['–', perSecond(raw), `**${ratio.toFixed(2)}**`, '–', '–'];
        return `| ${row.scenario} | ${row.events.toLocaleString('en')} | ${perSecond(adapter)} | ${peerCells.join(' | ')} |`;
      }),
    ].join('\n');
  }
  return [
    `| scenario | events per round | ${columns.adapter} | ${columns.raw} | ${columns.ratio} |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const { adapter, raw, ratio } = summarize(row);
      return `| ${row.scenario} | ${row.events.toLocaleString('en')} | ${perSecond(adapter)} | ${perSecond(raw)} | **${ratio.toFixed(2)}** |`;
    }),
  ].join('\n');
}

export function roundsLine(rows: readonly BenchRow[]): string {
  return rows.map((row) => `${row.scenario}: ${row.rounds.map((r) => (r.adapter / r.raw).toFixed(2)).join(', ')}`).join('; ');
}
