import { existsSync, readFileSync } from 'node:fs';
import { CheckpointKeyRing, CheckpointSigner, verifyEventStore, type IntegrityProblem, type VerifyReport } from '@leerzone/audit';
import type { CliCommand, CliIo } from '../command';
import { UsageError } from '../command';
import { openAuditedStore, parseAuditFlags, signingKeyFile } from './audit-options';

const count = (n: number) => n.toLocaleString('en');

function describeProblem(problem: IntegrityProblem): string[] {
  if ('streamId' in problem) {
    return [
      `  ${problem.kind === 'position-gap' ? 'missing event(s) before' : 'hash mismatch at'}`,
      `  stream    ${problem.streamId}`,
      `  position  ${problem.streamPosition}${problem.kind === 'position-gap' ? ` (expected ${problem.expectedPosition})` : ''} — global ${problem.globalPosition}, event ${problem.eventId}`,
      `  expected  ${problem.expectedHash}`,
      `  found     ${problem.foundHash}`,
    ];
  }
  return [
    `  ${problem.kind} (checkpoint event at global position ${problem.checkpointPosition}${problem.eventCount !== undefined ? `, covering ${count(problem.eventCount)} events` : ''})`,
    `  ${problem.detail}`,
    ...(problem.expectedDigest ? [`  signed digest      ${problem.expectedDigest}`, `  recomputed digest  ${problem.foundDigest}`] : []),
  ];
}

export function renderVerifyReport(report: VerifyReport): string {
  const scope = report.tenantId !== undefined ? `tenant ${report.tenantId}: ` : '';
  const lines: string[] = [];
  if (report.status === 'intact') {
    lines.push(`intact — ${scope}${count(report.eventsChecked)} events in ${count(report.streamsChecked)} streams; ${count(report.eventsRead)} events read in global order up to position ${report.head}.`);
  } else {
    lines.push(`BROKEN — ${scope}the first broken link in global order:`);
    lines.push(...describeProblem(report.firstProblem!));
    const others = report.problems.length - 1 + report.moreProblems;
    if (others > 0) lines.push(`${count(others)} more problem(s); run with --json to see up to ${report.problems.length}.`);
  }
  const last = report.lastCheckpoint;
  lines.push(
    last
      ? `last checkpoint: ${count(last.eventCount)} events, digest ${last.digest}, signed ${last.signedAt} by key ${last.keyId} (${count(report.checkpointsVerified)} verified).`
      : 'no verified checkpoint: events after the last checkpoint (here: all) are protected by their stream chains only.',
  );
  return `${lines.join('\n')}\n`;
}

/** `audit verify`: walk the store, recompute every stream's hash chain, check the signed checkpoints. */
export const auditVerifyCommand: CliCommand = {
  path: ['audit', 'verify'],
  summary: 'Verify every stream hash chain and the signed checkpoints; exit 1 on a broken link',
  usage: '[--tenant <id>] [--store <url>] [--public-key <pem file>]… [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const flags = parseAuditFlags(args, ['tenant', 'store', 'public-key'], ['json']);
    const tenantId = flags.get('tenant')?.[0];
    if (tenantId !== undefined && tenantId.trim() === '') throw new UsageError('--tenant needs a tenant id.');
    const keys = new CheckpointKeyRing();
    for (const file of flags.get('public-key') ?? []) {
      if (!existsSync(file)) throw new UsageError(`--public-key ${file}: no such file.`);
      keys.add(readFileSync(file, 'utf8'), `--public-key ${file}`);
    }
    // Without explicit keys, trust the local signing key (the operator's own store).
    const keyFile = signingKeyFile(new Map(), io.env);
    if (keys.size === 0 && existsSync(keyFile)) keys.add(CheckpointSigner.fromPem(readFileSync(keyFile, 'utf8'), keyFile).publicKeyPem);

    const { store, url } = await openAuditedStore(flags, io);
    try {
      if (!flags.has('json')) io.err.write(`Verifying ${url}${tenantId !== undefined ? ` for tenant ${tenantId}` : ''}; trusted checkpoint keys: ${keys.keyIds.join(', ') || 'none'}\n`);
      const report = await verifyEventStore(store, { keys, ...(tenantId !== undefined ? { tenantId } : {}) });
      io.out.write(flags.has('json') ? `${JSON.stringify(report, null, 2)}\n` : renderVerifyReport(report));
      return report.status === 'intact' ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
