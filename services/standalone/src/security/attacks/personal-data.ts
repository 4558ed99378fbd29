import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { answerOf, type Attack, type Attempt } from '../attack-table';
import { json, send } from '../http';
import { devToken, StandaloneProcess } from '../../testing/standalone-process';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/**
 * Personal data at rest: coaching notes about named people, each with a marker, recorded on a
 * standalone of its own. Every place a marker could leak is an attempt — each file under the
 * data dir (event store, its WAL, vault, relay checkpoints), the process's log, the answers a
 * member of the team who was not in the session and an auditor get — and one that shows a
 * marker got through. (Erasure through the CLI: services/cli/src/personal-data/erasure.int.spec.ts.)
 */
const personalDataAtRest: Attack<unknown> = {
  attackClass: 'personal data at rest (coaching notes in store files, logs, answers to non-parties)',
  run: async () => {
    const server = await StandaloneProcess.create({ OTEL_SDK_DISABLED: 'true' });
    // Started alone, after the suite's own servers; a loaded machine may need more than the default 30 s.
    await server.start(120_000);
    const attempts: Attempt[] = [];
    try {
      const tenant = 'privacy-corp';
      const [cora, carl, ida] = await Promise.all([
        devToken(server.url, tenant, 'cora', ['coach']),
        devToken(server.url, tenant, 'carl', ['member']),
        devToken(server.url, tenant, 'ida', ['auditor']),
      ]);
      const as = (token: string) => ({ authorization: `Bearer ${token}` });
      const post = async (path: string, body: unknown) => {
        const answer = await send(server.url, 'POST', path, { headers: { ...as(cora), ...json(body).headers }, body: json(body).body });
        if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
        return JSON.parse(answer.text) as Record<string, unknown>;
      };
      const team = await post('/api/governance/teams', { name: 'Privacy team', reason: 'attack' });
      const base = `/api/governance/teams/${String(team['teamId'])}`;
      for (const memberId of ['cora', 'anna', 'bram', 'carl']) await post(`${base}/members`, { memberId, roles: [memberId === 'cora' ? 'coach' : 'member'] });
      await post(`${base}/coaching/topics`, { topic: 'feedback' });
      const markers = Array.from({ length: 5 }, () => `pd-marker-${randomUUID()}`);
      const heldAt = new Date(Date.now() - 3_600_000).toISOString();
      for (const [i, marker] of markers.entries()) {
        await post(`${base}/coaching/sessions`, { sessionId: `s-${i}`, topics: ['feedback'], heldAt, coachId: 'cora', attendeeIds: ['anna', 'bram'], notes: `Anna said ${marker} about Bram.` });
      }
      const answers = {
        'coaching as a member not in the session': await send(server.url, 'GET', `${base}/coaching`, { headers: as(carl) }),
        'team events as an auditor': await send(server.url, 'GET', `${base}/events`, { headers: as(ida) }),
        'team history as a member not in the session': await send(server.url, 'GET', `${base}/history`, { headers: as(carl) }),
      };
      const files = filesUnder(server.dataDir);
      for (const marker of markers) {
        for (const file of files) {
          const found = readFileSync(file).includes(Buffer.from(marker));
          attempts.push({ label: `${marker} in ${file.slice(server.dataDir.length + 1)}`, gotThrough: found, answer: found ? 'found' : 'absent' });
        }
        attempts.push({ label: `${marker} in the process log`, gotThrough: server.tail(100_000).includes(marker), answer: 'log' });
        for (const [label, answer] of Object.entries(answers)) attempts.push({ label: `${marker} in ${label}`, gotThrough: answer.text.includes(marker), answer: answerOf(answer.status, answer.text) });
      }
      // The check can fail: the data dir holds the store, and the coach does read the notes.
      const mine = await send(server.url, 'GET', `${base}/coaching`, { headers: as(cora) });
      if (!files.some((file) => file.endsWith('events.db')) || !markers.every((marker) => mine.text.includes(marker))) throw new Error(`The attack set-up is wrong: ${files.join(', ')}; ${mine.text.slice(0, 300)}`);
    } finally {
      await server.dispose();
    }
    return attempts;
  },
};

export const personalDataAttacks: ReadonlyArray<Attack<unknown>> = [personalDataAtRest];
