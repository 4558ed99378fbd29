import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { personSubject } from '@leerzone/kernel';
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

/**
 * The same person id in two tenants is two people (issue 16): `anna` of one tenant and `anna`
 * of another each have a confidential case, sealed under a vault subject of their own tenant.
 * Attempts: the other tenant's officer reading the case (by its id and through their own
 * case), a seal under the bare, shared id in the store files, one vault key shared by both;
 * then the first anna's key is destroyed in the vault (what `leerzone erase person` does —
 * the CLI's own run is services/cli/src/personal-data/tenant-subjects.int.spec.ts) and the
 * second anna's case must still open, while the first must read as erased.
 */
const sameIdInTwoTenants: Attack<unknown> = {
  attackClass: 'personal data and erasure across tenants (same person id in two tenants)',
  run: async () => {
    const server = await StandaloneProcess.create({ OTEL_SDK_DISABLED: 'true' });
    await server.start(120_000);
    const attempts: Attempt[] = [];
    try {
      const [first, second] = ['twin-corp', 'twin-other'];
      const officers = { [first]: await devToken(server.url, first, 'olga', ['confidential-officer']), [second]: await devToken(server.url, second, 'otto', ['confidential-officer']) };
      const as = (tenant: string) => ({ authorization: `Bearer ${officers[tenant]!}` });
      const markers = { [first]: `twin-marker-${randomUUID()}`, [second]: `twin-marker-${randomUUID()}` };
      const caseIds: Record<string, string> = {};
      for (const tenant of [first, second]) {
        const body = json({ boundary: 'ignored-safety-rules', concernedPersonId: 'anna', account: `Anna ${markers[tenant]!} skipped the double check.` });
        const opened = await send(server.url, 'POST', '/api/failure-learning/cases', { headers: { ...as(tenant), ...body.headers }, body: body.body });
        if (opened.status !== 201) throw new Error(`Opening a case in ${tenant} answered ${opened.status}: ${opened.text}`);
        caseIds[tenant] = String((JSON.parse(opened.text) as Record<string, unknown>)['caseId']);
      }
      const read = (tenant: string, caseId: string) => send(server.url, 'GET', `/api/failure-learning/cases/${caseId}?purpose=attack`, { headers: as(tenant) });
      for (const [reader, owner] of [
        [second, first],
        [first, second],
      ] as const) {
        const other = await read(reader, caseIds[owner]!);
        attempts.push({ label: `${reader}'s officer reads ${owner}'s case about anna by its id`, gotThrough: other.text.includes(markers[owner]!), answer: answerOf(other.status, other.text) });
        const own = await read(reader, caseIds[reader]!);
        attempts.push({ label: `${reader}'s officer finds ${owner}'s anna in their own case about anna`, gotThrough: own.text.includes(markers[owner]!), answer: answerOf(own.status, own.text) });
      }
      const vaultFile = join(server.dataDir, 'personal-data-vault.db');
      const storeFiles = filesUnder(server.dataDir).filter((file) => file.includes('events'));
      for (const file of storeFiles) {
        const bare = readFileSync(file).includes(Buffer.from('"subject":"anna"'));
        attempts.push({ label: `a seal under the bare id anna, shared by both tenants, in ${file.slice(server.dataDir.length + 1)}`, gotThrough: bare, answer: bare ? 'found' : 'absent' });
      }
      const subjects = (() => {
        const db = new Database(vaultFile, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT subject FROM subject_keys WHERE subject LIKE '%anna%'").all() as { subject: string }[]).map((row) => row.subject);
        } finally {
          db.close();
        }
      })();
      const ownKeys = [personSubject(first, 'anna'), personSubject(second, 'anna')];
      attempts.push({ label: 'one vault key for both annas', gotThrough: !ownKeys.every((subject) => subjects.includes(subject)) || subjects.includes('anna'), answer: subjects.join(', ') });
      // Erase the first anna: her key, and only hers, is destroyed.
      const db = new Database(vaultFile, { fileMustExist: true });
      try {
        db.prepare('UPDATE subject_keys SET key = NULL, erased_at = ? WHERE subject = ?').run(new Date().toISOString(), personSubject(first, 'anna'));
      } finally {
        db.close();
      }
      const erased = await read(first, caseIds[first]!);
      const kept = await read(second, caseIds[second]!);
      attempts.push({ label: `erasing ${first}'s anna erases ${second}'s anna`, gotThrough: !kept.text.includes(markers[second]!), answer: answerOf(kept.status, kept.text) });
      attempts.push({ label: `${first}'s anna still readable after her erasure`, gotThrough: erased.text.includes(markers[first]!), answer: answerOf(erased.status, erased.text) });
      // The check can fail: the vault file is the standalone's, and the erasure did reach the first anna.
      if (storeFiles.length === 0 || !erased.text.includes('$erased')) throw new Error(`The attack set-up is wrong: ${storeFiles.join(', ')}; ${erased.text.slice(0, 300)}`);
    } finally {
      await server.dispose();
    }
    return attempts;
  },
};

/** The built operator CLI (test-security builds it first). */
const CLI_MAIN = resolve(__dirname, '../../../../cli/dist/main.js');

/**
 * An erasure, then a search for the person's data (issue 16): coaching notes about anna, with
 * markers, on a standalone of its own; the operator runs the real `leerzone erase person anna`
 * (the built CLI, as its own process, on the standalone's store and vault while it runs). Then
 * every place the notes could still be read is an attempt: what the coach who wrote them gets
 * (coaching, history), an auditor's team events, a subject-access export, every file of the
 * data dir, the process's log, and the vault still holding a key of anna's. The set-up fails
 * unless the erasure is recorded and `audit verify` says intact. (Kafka topics and MongoDB read
 * models — standalone has neither: services/cli/src/personal-data/erasure.int.spec.ts.)
 */
const erasureThenSearch: Attack<unknown> = {
  attackClass: "an erasure, then a search for the person's data (answers, store files, vault, logs)",
  run: async () => {
    if (!existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: build @leerzone/cli first.`);
    const server = await StandaloneProcess.create({ OTEL_SDK_DISABLED: 'true' });
    await server.start(120_000);
    const attempts: Attempt[] = [];
    try {
      const tenant = 'erasure-corp';
      const [cora, ida] = await Promise.all([devToken(server.url, tenant, 'cora', ['coach']), devToken(server.url, tenant, 'ida', ['auditor'])]);
      const as = (token: string) => ({ authorization: `Bearer ${token}` });
      const post = async (path: string, body: unknown) => {
        const answer = await send(server.url, 'POST', path, { headers: { ...as(cora), ...json(body).headers }, body: json(body).body });
        if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
        return JSON.parse(answer.text) as Record<string, unknown>;
      };
      const team = await post('/api/governance/teams', { name: 'Erasure team', reason: 'attack' });
      const base = `/api/governance/teams/${String(team['teamId'])}`;
      for (const memberId of ['cora', 'anna', 'bram']) await post(`${base}/members`, { memberId, roles: [memberId === 'cora' ? 'coach' : 'member'] });
      await post(`${base}/coaching/topics`, { topic: 'feedback' });
      const markers = Array.from({ length: 3 }, () => `erase-marker-${randomUUID()}`);
      const heldAt = new Date(Date.now() - 3_600_000).toISOString();
      for (const [i, marker] of markers.entries()) {
        await post(`${base}/coaching/sessions`, { sessionId: `s-${i}`, topics: ['feedback'], heldAt, coachId: 'cora', attendeeIds: ['anna', 'bram'], notes: `Anna said ${marker} about Bram.` });
      }
      const before = await send(server.url, 'GET', `${base}/coaching`, { headers: as(cora) });
      if (!markers.every((marker) => before.text.includes(marker))) throw new Error(`The attack set-up is wrong: the coach does not read the notes: ${before.text.slice(0, 300)}`);

      const store = `sqlite:${join(server.dataDir, 'events.db')}`;
      const vault = join(server.dataDir, 'personal-data-vault.db');
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI_MAIN, ...args], { encoding: 'utf8', timeout: 120_000 });
      const erased = cli('erase', 'person', 'anna', '--tenant', tenant, '--store', store, '--vault', vault, '--by', 'oscar', '--reason', 'erasure request (security suite)');
      if (erased.status !== 0) throw new Error(`erase person failed (${erased.status}): ${erased.stderr}${erased.stdout}`);
      const verified = cli('audit', 'verify', '--store', store);
      if (verified.status !== 0 || !/intact/i.test(verified.stdout)) throw new Error(`audit verify after the erasure: ${verified.status} ${verified.stdout}${verified.stderr}`);
      const exported = cli('subject-access', 'anna', '--tenant', tenant, '--store', store, '--vault', vault);
      if (exported.status !== 0 || !exported.stdout.includes('PersonalDataErased')) throw new Error(`The erasure is not recorded in anna's subject-access export: ${exported.status} ${exported.stdout.slice(0, 300)}${exported.stderr}`);

      const answers = {
        "the coach's coaching page": await send(server.url, 'GET', `${base}/coaching`, { headers: as(cora) }),
        "the coach's team history": await send(server.url, 'GET', `${base}/history`, { headers: as(cora) }),
        "an auditor's team events": await send(server.url, 'GET', `${base}/events`, { headers: as(ida) }),
      };
      const files = filesUnder(server.dataDir);
      for (const marker of markers) {
        for (const [label, answer] of Object.entries(answers)) attempts.push({ label: `${marker} in ${label}`, gotThrough: answer.text.includes(marker), answer: answerOf(answer.status, answer.text) });
        attempts.push({ label: `${marker} in anna's subject-access export`, gotThrough: exported.stdout.includes(marker), answer: 'export' });
        for (const file of files) {
          const found = readFileSync(file).includes(Buffer.from(marker));
          attempts.push({ label: `${marker} in ${file.slice(server.dataDir.length + 1)}`, gotThrough: found, answer: found ? 'found' : 'absent' });
        }
        attempts.push({ label: `${marker} in the process log`, gotThrough: server.tail(100_000).includes(marker), answer: 'log' });
      }
      // Every subject the export names for anna (her coaching sessions' among them) must have lost its key.
      const subjects = (JSON.parse(exported.stdout) as { subjects: Array<{ subject: string; erased: boolean }> }).subjects;
      if (subjects.length < markers.length) throw new Error(`The attack set-up is wrong: anna's export names ${subjects.length} subjects: ${JSON.stringify(subjects)}`);
      const db = new Database(vault, { readonly: true, fileMustExist: true });
      try {
        for (const { subject, erased } of subjects) {
          const row = db.prepare('SELECT key FROM subject_keys WHERE subject = ?').get(subject) as { key: Buffer | null } | undefined;
          attempts.push({ label: `a key left in the vault for ${subject}`, gotThrough: !erased || (row !== undefined && row.key !== null), answer: `erased: ${erased}, key: ${row?.key ? 'present' : 'gone'}` });
        }
      } finally {
        db.close();
      }
    } finally {
      await server.dispose();
    }
    return attempts;
  },
};

export const personalDataAttacks: ReadonlyArray<Attack<unknown>> = [personalDataAtRest, sameIdInTwoTenants, erasureThenSearch];
