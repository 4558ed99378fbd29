import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { devToken, ServiceProcess } from '@leerzone/service-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openDesktopPage, seriousViolations } from './browser';

/**
 * Issue 20's proof: the built web app served by the built standalone (a real process on a free
 * port and a fresh data dir), seeded with the demo, driven in Debian's Chromium headless. Each
 * page is screenshotted into e2e-results/ and checked with axe-core: no serious or critical
 * violation anywhere. axe is evaluated through the DevTools protocol, because the app's CSP
 * refuses an injected inline script (page.addScriptTag) — as it should.
 */
const SERVICES = resolve(__dirname, '../../..');
const RESULTS = resolve(__dirname, '../../e2e-results');
const TENANT = 'web-e2e';
const run = promisify(execFile);

interface Team {
  teamId: string;
  name: string;
  createdAt: string;
}
interface Member {
  memberId: string;
  roles: string[];
  saidYes: boolean;
}

describe('the web app in Chromium against standalone seeded with the demo', () => {
  let standalone: ServiceProcess;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  let base: string;
  let lead: string;
  let shot = 0;

  const api = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  const tokenFor = (userId: string, roles: string[]) => devToken(base, TENANT, userId, roles);

  /** Screenshot, then axe-core on the page as it is: any serious or critical violation fails. */
  const check = async (name: string) => {
    await page.waitForFunction(() => !document.querySelector('[role=status]')?.textContent?.match(/^(Loading|Laden)/));
    await page.screenshot({ path: join(RESULTS, `${String(++shot).padStart(2, '0')}-${name}.png`), fullPage: true });
    expect({ page: name, serious: await seriousViolations(page) }).toEqual({ page: name, serious: [] });
  };

  const signIn = async (userId: string, roles: string[]) => {
    if (await page.getByRole('button', { name: /Sign out|Uitloggen/ }).isVisible()) await page.getByRole('button', { name: /Sign out|Uitloggen/ }).click();
    await page.getByLabel(/Organisation \(tenant\)|Organisatie \(tenant\)/).fill(TENANT);
    await page.getByLabel(/Person \(user id\)|Persoon \(gebruikers-id\)/).fill(userId);
    for (const role of ['member', 'coach', 'transformation-lead', 'analyst', 'auditor', 'admin']) {
      const box = page.locator(`input[name=roles][value="${role}"]`);
      if ((await box.isChecked()) !== roles.includes(role)) await box.click();
    }
    await page.getByRole('button', { name: /^(Sign in|Inloggen)$/ }).click();
    await page.getByTestId('signed-in-as').filter({ hasText: userId }).waitFor();
  };
  const openTeam = async (team: Team, tab: string) => {
    await page.goto(`${base}/#/teams/${team.teamId}${tab === 'overview' ? '' : `/${tab}`}`);
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'leerzone-web-e2e-'));
    standalone = new ServiceProcess('standalone', join(SERVICES, 'standalone/dist/main.js'), {
      DATA_DIR: dataDir,
      // The demo and the test sign many people in from one address in a few seconds.
      RATE_LIMIT_DEV_TOKENS: '5000',
      RATE_LIMIT_PER_ADDRESS: '100000',
      RATE_LIMIT_PER_TENANT: '100000',
      RATE_LIMIT_PER_USER: '100000',
      OTEL_SDK_DISABLED: 'true',
    });
    await standalone.start(120_000);
    base = standalone.url;
    const seeded = await run(process.execPath, [join(SERVICES, 'demo/dist/main.js'), '--url', base, '--teams', '5', '--seed', '7', '--tenant', TENANT], { maxBuffer: 16 * 1024 * 1024 });
    lead = await tokenFor((JSON.parse(seeded.stdout) as { transformationLead: string }).transformationLead, ['transformation-lead', 'admin']);
    browser = await launchChromium();
    page = await openDesktopPage(browser);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await standalone?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  let teams: Team[];
  const membersOf = async (team: Team) => (await api<{ members: Member[] }>(lead, 'GET', `/api/governance/teams/${team.teamId}/members`)).members;

  it('serves the app at / with its own strict CSP, and signs in with the development issuer', async () => {
    teams = (await api<{ items: Team[] }>(lead, 'GET', '/api/governance/teams?limit=50')).items;
    expect(teams).toHaveLength(5);
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe');
    expect((await fetch(`${base}/api/governance/teams`)).headers.get('content-security-policy')).toContain("default-src 'none'");

    const csp: string[] = [];
    page.on('console', (message) => message.type() === 'error' && /Content Security Policy/i.test(message.text()) && csp.push(message.text()));
    await page.goto(`${base}/`);
    await page.getByText('For development only.').waitFor();
    await check('sign-in');
    const member = (await membersOf(teams[0]!)).find((m) => m.roles.includes('member'))!;
    await signIn(member.memberId, ['member']);
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await expect(page.getByRole('link', { name: teams[0]!.name })).toBeDefined();
    await page.getByRole('link', { name: teams[0]!.name }).waitFor();
    await check('teams');
    expect(csp).toEqual([]);
  });

  interface Plan {
    decide: Team;
    member: string;
    coach: string;
    objectiveId: string;
    lesson: { summary: string; area: string; tags: string[] };
    survey: Team;
    respondents: string[];
    surveyCoach: string;
    slider: Team;
    ownBoundary: string;
    yesSayer: { team: Team; memberId: string } | null;
  }
  let plan: Plan;

  it('finds, through the API, the people and teams each scenario needs', async () => {
    const running = (await api<{ items: { cycleId: string }[] }>(lead, 'GET', '/api/okr/cycles?status=running')).items.map((c) => c.cycleId);
    let decide: Plan['decide'] | undefined;
    let objectiveId = '';
    let lesson: Plan['lesson'] | undefined;
    let survey: Team | undefined;
    let respondents: string[] = [];
    let surveyCoach = '';
    let slider: Team | undefined;
    let ownBoundary = '';
    let yesSayer: Plan['yesSayer'] = null;
    for (const team of teams) {
      const members = await membersOf(team);
      const lessons = (await api<{ items: { teamId: string; kind: string; summary: string; area: string; tags: string[] }[] }>(lead, 'GET', `/api/failure-learning/teams/${team.teamId}/lessons`)).items.filter((l) => l.teamId === team.teamId && l.kind === 'basic' && l.tags.length > 0);
      const objectives = (await api<{ items: { objectiveId: string; cycleId: string; grade: unknown }[] }>(lead, 'GET', `/api/okr/objectives?ownerId=${team.teamId}&limit=50`)).items;
      const live = [];
      for (const o of objectives.filter((o) => running.includes(o.cycleId) && !o.grade)) {
        const detail = await api<{ committedAt: string | null; keyResults: { definition: { measure: { kind: string } } }[] }>(lead, 'GET', `/api/okr/objectives/${o.objectiveId}`);
        if (detail.committedAt && detail.keyResults[0]?.definition.measure.kind === 'numeric') live.push(o.objectiveId);
      }
      if (!decide && lessons.length > 0 && live.length > 0 && members.some((m) => m.roles.includes('coach'))) {
        decide = team;
        objectiveId = live[0]!;
        lesson = lessons[0]!;
        continue;
      }
      const rounds = (await api<{ items: { status: string }[] }>(lead, 'GET', `/api/assessment/teams/${team.teamId}/rounds`)).items;
      const group = members.filter((m) => m.roles.includes('member')).map((m) => m.memberId);
      if (!survey && rounds.every((r) => r.status !== 'open') && group.length >= 6 && members.some((m) => m.roles.includes('coach'))) {
        survey = team;
        respondents = group;
        surveyCoach = members.find((m) => m.roles.includes('coach'))!.memberId;
      }
      const own = (await api<{ own: { boundary: { title: string } }[] }>(lead, 'GET', `/api/governance/teams/${team.teamId}/boundaries`)).own;
      if (!slider && own.length > 0) {
        slider = team;
        ownBoundary = own[0]!.boundary.title;
      }
      const notYet = members.find((m) => m.roles.includes('member') && !m.saidYes);
      if (!yesSayer && notYet) yesSayer = { team, memberId: notYet.memberId };
    }
    expect({ decide: !!decide, survey: !!survey, slider: !!slider }).toEqual({ decide: true, survey: true, slider: true });
    const decideMembers = await membersOf(decide!);
    plan = {
      decide: decide!,
      member: decideMembers.find((m) => m.roles.includes('member'))!.memberId,
      coach: decideMembers.find((m) => m.roles.includes('coach'))!.memberId,
      objectiveId,
      lesson: lesson!,
      survey: survey!,
      respondents,
      surveyCoach,
      slider: slider!,
      ownBoundary,
      yesSayer,
    };
  });

  it('shows the team: its zone on the safety × standards chart and the trust trends with respondent counts', async () => {
    await signIn(plan.member, ['member']);
    await openTeam(plan.decide, 'overview');
    await page.getByTestId('zone-chart').waitFor();
    await page.getByTestId('safety-trend').waitFor();
    await expect(page.getByTestId('zone-now').textContent()).resolves.toMatch(/zone|Not placed|not placed yet/);
    await check('team-overview');
  });

  it('records a decision inside the mandate, and shows a decision outside it refused on the amount, before anything is written', async () => {
    await openTeam(plan.decide, 'delegation');
    await page.getByTestId('delegation-board').waitFor();
    await page.getByLabel('Decision area').selectOption('budget-spend');
    await page.getByTestId('mandate').getByText(/Delegation board: level \d/).waitFor();
    await page.getByLabel('What did you decide?').fill('Buy a whiteboard');
    await page.getByLabel('Why?').fill('We plan on the wall together.');
    await page.getByLabel('Options considered').fill('Buy one\nBorrow one');
    await page.getByLabel('Amount').fill('40');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('The decision is recorded.').waitFor();
    await page.getByTestId('decision').filter({ hasText: 'Buy a whiteboard' }).waitFor();

    await page.getByLabel('What did you decide?').fill('Buy a building');
    await page.getByLabel('Amount').fill('1000000');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByTestId('outside-mandate').waitFor();
    await expect(page.locator('[data-field-error="amount"]').textContent()).resolves.toBe('The amount is more than the team’s mandate allows.');
    await check('decision-outside-mandate');
    const decisions = await api<{ items: { title: string }[] }>(lead, 'GET', `/api/governance/teams/${plan.decide.teamId}/decisions?limit=200`);
    expect(decisions.items.filter((d) => d.title === 'Buy a building')).toEqual([]);
    expect(decisions.items.filter((d) => d.title === 'Buy a whiteboard')).toHaveLength(1);
  });

  it('escalates a decision outside the mandate, and the layer above answers it', async () => {
    await openTeam(plan.decide, 'delegation');
    await page.getByLabel('Decision area').selectOption('budget-spend');
    await page.getByTestId('mandate').getByText(/Delegation board: level \d/).waitFor();
    await page.getByLabel('What did you decide?').fill('Rent a bigger room');
    await page.getByLabel('Why?').fill('The team grew to nine.');
    await page.getByLabel('Options considered').fill('Rent one\nStand closer');
    await page.getByLabel('Amount').fill('900000');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByTestId('outside-mandate').waitFor();
    await page.getByRole('button', { name: 'Escalate to the layer above' }).click();
    await page.getByText('The decision is escalated to the layer above.').waitFor();
    const escalated = page.getByTestId('decision').filter({ hasText: 'Rent a bigger room' });
    await escalated.getByText('Escalated', { exact: true }).waitFor();
    // The person who escalated does not answer it.
    expect(await escalated.getByTestId('escalation-answer').count()).toBe(0);

    const leadId = (JSON.parse(Buffer.from(lead.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
    await signIn(leadId, ['transformation-lead']);
    await openTeam(plan.decide, 'delegation');
    await escalated.getByTestId('escalation-answer').waitFor();
    await check('escalation-to-answer');
    await escalated.getByLabel('Your answer’s reason').fill('The room is worth it for a team of nine.');
    await escalated.getByRole('button', { name: 'Approve' }).click();
    await escalated.getByText('Approved', { exact: true }).waitFor();
    expect(await escalated.getByTestId('escalation-answer').count()).toBe(0);
    const decisions = await api<{ items: { title: string; status: string }[] }>(lead, 'GET', `/api/governance/teams/${plan.decide.teamId}/decisions?limit=200`);
    expect(decisions.items.filter((d) => d.title === 'Rent a bigger room').map((d) => d.status)).toEqual(['approved']);
    await signIn(plan.member, ['member']);
  });

  it('checks in on a key result: at risk without a blocker is refused on the blockers field, with one it is recorded', async () => {
    await openTeam(plan.decide, 'okrs');
    const detail = await api<{ title: string; keyResults: { keyResultId: string; definition: { measure: { start: number } } }[] }>(lead, 'GET', `/api/okr/objectives/${plan.objectiveId}`);
    await page.getByRole('button', { name: detail.title }).click();
    const kr = detail.keyResults[0]!;
    await page.getByTestId(`checkin-${kr.keyResultId}-value`).fill(String(kr.definition.measure.start));
    await page.getByTestId(`checkin-${kr.keyResultId}-confidence`).fill('2');
    const form = page.getByRole('form', { name: /Check in on/ }).first();
    await form.getByRole('button', { name: 'Check in' }).click();
    await form.locator('[data-field-error="blockers"]').filter({ hasText: 'name at least one blocker' }).waitFor();
    await page.getByTestId(`checkin-${kr.keyResultId}-blockers`).fill('Waiting for the test environment');
    await form.getByRole('button', { name: 'Check in' }).click();
    await form.getByText('Checked in: At risk.').waitFor();
    await check('okr-check-in');
  });

  it('reports a failure blamelessly with "have we seen this before?", and flags the repeat when it is classified', async () => {
    await openTeam(plan.decide, 'failures');
    await page.getByTestId('kind-basic').waitFor();
    await page.getByLabel('What did you expect to happen?').fill('The change would go out with a second pair of eyes.');
    await page.getByLabel('What happened?').fill(`The ${plan.lesson.area} step was skipped again.`);
    await page.getByLabel('In what situation?').fill('A busy Friday afternoon.');
    await page.getByLabel('What was the impact?').fill('An hour of rework.');
    await page.getByLabel('Area').fill(plan.lesson.area);
    await page.getByLabel('Tags').fill(plan.lesson.tags.join(', '));
    const suggestion = page.getByTestId('suggestion').filter({ hasText: plan.lesson.summary }).first();
    await suggestion.waitFor();
    await check('failure-report-suggestions');
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByText('Reported. Thank you for speaking up.').waitFor();
    await page.getByLabel('Kind').selectOption('basic');
    await page.getByLabel('Cause').selectOption('inattention');
    await page.getByRole('button', { name: 'Classify', exact: true }).click();
    await page.getByTestId('repeat-flagged').waitFor();
    await page.locator('.report-repeat').filter({ hasText: 'step was skipped again' }).waitFor();
    await check('failure-repeat-flagged');
  });

  it('shows with the time slider what held on a date: at the team’s start its own boundary did not exist yet', async () => {
    await openTeam(plan.slider, 'boundaries');
    await page.getByTestId('boundary-row').filter({ hasText: plan.ownBoundary }).waitFor();
    await expect(page.getByTestId('as-of').textContent()).resolves.toBe('Now');
    await page.getByTestId('time-slider').fill('0');
    await page.getByTestId('as-of').filter({ hasText: 'As of' }).waitFor();
    await page.waitForFunction((title) => ![...document.querySelectorAll('[data-testid=boundary-row]')].some((row) => row.textContent?.includes(title)), plan.ownBoundary);
    await page.getByTestId('boundaries-table').waitFor();
    await check('boundaries-as-of-start');
    await page.getByTestId('time-slider').fill('100');
    await page.getByTestId('boundary-row').filter({ hasText: plan.ownBoundary }).waitFor();
  });

  it('proposes a boundary change with a reason; an objection without a reason is refused on its field; a member consents', async () => {
    await signIn(plan.member, ['member']);
    await openTeam(plan.decide, 'boundaries');
    await page.getByLabel('Boundary id').fill('e2e-snacks');
    await page.getByLabel('Title', { exact: true }).fill('Snack budget');
    await page.getByLabel('Amount').fill('50');
    await page.getByLabel('Reason', { exact: true }).fill('So we can celebrate small wins.');
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    await page.getByText('Proposed. Members can now consent or object.').waitFor();
    const proposal = page.getByTestId('proposal').filter({ hasText: 'Snack budget' });
    await proposal.getByRole('button', { name: 'Object' }).click();
    await proposal.locator('[data-field-error="reason"]').filter({ hasText: 'Please give a reason.' }).waitFor();
    await proposal.getByRole('button', { name: 'Consent' }).click();
    await expect(proposal.locator('[data-field-error="reason"]').count()).resolves.toBe(0);
    await check('boundary-proposal');
  });

  it('closes a proposal once everyone has consented: it is adopted and the boundary holds', async () => {
    await signIn(plan.member, ['member']);
    await openTeam(plan.decide, 'boundaries');
    await page.getByLabel('Boundary id').fill('e2e-books');
    await page.getByLabel('Title', { exact: true }).fill('Book budget');
    await page.getByLabel('Amount').fill('30');
    await page.getByLabel('Reason', { exact: true }).fill('Books for the study group.');
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    await page.getByText('Proposed. Members can now consent or object.').waitFor();
    const proposal = page.getByTestId('proposal').filter({ hasText: 'Book budget' });
    // Before everyone has consented the time box holds it open: closing early is refused on the proposal.
    await proposal.getByRole('button', { name: 'Close' }).click();
    await proposal.locator('.notice-error').waitFor();
    const { proposals } = await api<{ proposals: { proposalId: string; status: string; participantIds: string[]; change: { boundary?: { title: string } } }[] }>(lead, 'GET', `/api/governance/teams/${plan.decide.teamId}/proposals`);
    const open = proposals.find((p) => p.change.boundary?.title === 'Book budget' && p.status === 'open')!;
    expect(open.participantIds).toContain(plan.member);
    const others = open.participantIds.filter((id) => id !== plan.member);
    for (const memberId of others) await api(await tokenFor(memberId, ['member']), 'POST', `/api/governance/teams/${plan.decide.teamId}/proposals/${encodeURIComponent(open.proposalId)}/consent`, {});
    await page.reload();
    await proposal.getByRole('button', { name: 'Consent' }).click();
    await proposal.getByRole('button', { name: 'Close' }).click();
    await proposal.getByText('Adopted', { exact: true }).waitFor();
    await page.getByTestId('boundary-row').filter({ hasText: 'Book budget' }).waitFor();
    await check('proposal-adopted');
    const after = await api<{ proposals: { proposalId: string; status: string }[] }>(lead, 'GET', `/api/governance/teams/${plan.decide.teamId}/proposals`);
    expect(after.proposals.find((p) => p.proposalId === open.proposalId)?.status).toBe('adopted');
  });

  it('answers a survey anonymously, and shows results only from the threshold up', async () => {
    const coach = await tokenFor(plan.surveyCoach, ['coach']);
    const round = await api<{ roundId: string }>(coach, 'POST', '/api/assessment/rounds', { teamId: plan.survey.teamId, instruments: [{ instrumentId: 'psychological-safety', version: 1 }] });
    const summary = await api<{ anonymityThreshold: number; groupSize: number }>(lead, 'GET', `/api/assessment/rounds/${round.roundId}`);
    expect(summary.anonymityThreshold).toBe(5);
    const instrument = await api<{ items: { itemId: string }[] }>(lead, 'GET', '/api/assessment/instruments/psychological-safety/versions/1');
    const answerInBrowser = async (memberId: string) => {
      await signIn(memberId, ['member']);
      await openTeam(plan.survey, 'surveys');
      const items = page.getByTestId('survey-item');
      await items.first().waitFor();
      const count = await items.count();
      for (let i = 0; i < count; i++) await items.nth(i).getByLabel('5', { exact: true }).check();
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.getByText('Thank you, your answer is in.').waitFor();
    };
    await answerInBrowser(plan.respondents[0]!);
    await page.getByTestId('round-progress').filter({ hasText: 'Not enough answers yet' }).waitFor();
    await check('survey-below-threshold');
    for (const memberId of plan.respondents.slice(1, 4)) {
      const token = await tokenFor(memberId, ['member']);
      await api(token, 'PUT', `/api/assessment/rounds/${round.roundId}/my-answer`, { answers: [{ instrumentId: 'psychological-safety', version: 1, responses: instrument.items.map((item) => ({ itemId: item.itemId, value: 6 })) }] });
    }
    await page.reload();
    await page.getByTestId('round-progress').filter({ hasText: 'Not enough answers yet' }).waitFor();
    await expect(page.getByTestId('round-progress').textContent()).resolves.not.toMatch(/\d of \d/);
    await answerInBrowser(plan.respondents[4]!);
    await page.getByTestId('round-progress').filter({ hasText: `5 of ${summary.groupSize} have answered.` }).waitFor();
    await check('survey-at-threshold');
  });

  it('lets a member say yes in person, and shows the members with their yes and the phase', async () => {
    if (!plan.yesSayer) throw new Error('The demo plants members who have not said yes; none was found.');
    await signIn(plan.yesSayer.memberId, ['member']);
    await openTeam(plan.yesSayer.team, 'members');
    await page.getByRole('button', { name: 'Say yes' }).click();
    await page.getByText('Your yes is recorded.').waitFor();
    await page.getByTestId('member-row').filter({ hasText: `${plan.yesSayer.memberId} (you)` }).getByText('Yes', { exact: true }).waitFor();
    await check('members-yes');
  });

  it('records a coach’s task-maturity conversation', async () => {
    await signIn(plan.coach, ['coach']);
    await openTeam(plan.decide, 'coaching');
    await page.getByLabel('Task', { exact: true }).fill('release-planning');
    await page.getByLabel('Task title').fill('Release planning');
    await page.getByLabel('Competence').selectOption('high');
    await page.getByLabel('Commitment').selectOption('high');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByTestId('maturity-result').filter({ hasText: 'Development level D4' }).waitFor();
    await check('coaching-task-maturity');
  });

  it('switches to Dutch, remembers it, and shows the API’s refusals in Dutch too', async () => {
    await signIn(plan.member, ['member']);
    await openTeam(plan.decide, 'delegation');
    await page.getByTestId('language').selectOption('nl');
    await page.getByRole('link', { name: 'Delegatie en besluiten' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Een besluit vastleggen' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nl');
    await page.getByLabel('Besluitgebied').selectOption('budget-spend');
    await page.getByLabel('Wat hebben jullie besloten?').fill('Een gebouw kopen');
    await page.getByLabel('Waarom?').fill('Meer ruimte.');
    await page.getByLabel('Overwogen opties').fill('Kopen\nHuren');
    await page.getByLabel('Bedrag').fill('1000000');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.locator('[data-field-error="amount"]').filter({ hasText: 'Het bedrag is hoger dan het mandaat van het team toestaat.' }).waitFor();
    await check('dutch-decision-refused');
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Record a decision' }).waitFor();
  });

  it('shows the organisation: zones across units, the adoption funnel, signals with their explanation, outcomes next to trust', async () => {
    await signIn((JSON.parse(Buffer.from(lead.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub, ['transformation-lead', 'admin']);
    await page.goto(`${base}/#/organisation`);
    await page.getByTestId('heat-map').waitFor();
    await page.getByTestId('funnel').waitFor();
    await page.getByTestId('signal').first().waitFor();
    await page.getByTestId('outcomes').waitFor();
    expect(await page.getByTestId('heat-map').locator('tbody tr').count()).toBeGreaterThan(0);
    await check('organisation');
  });

  it('shows the history of an item — who, when, why — with the trace of the request', async () => {
    // The team names its stream (tenant-scoped: `team-<n>:<tenant>:<id>`), as the team page's history link does.
    const { streamId } = await api<{ streamId: string }>(lead, 'GET', `/api/governance/teams/${plan.decide.teamId}`);
    await page.goto(`${base}/#/audit/${encodeURIComponent(streamId)}`);
    await page.getByTestId('audit-history').waitFor();
    // Standalone has no trace viewer, so each event shows the trace id of the request the browser sent (its traceparent).
    let trace = page.getByTestId('trace-id');
    while ((await trace.count()) === 0 && (await page.getByRole('button', { name: 'Next page' }).isEnabled())) {
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByTestId('audit-history').waitFor();
      trace = page.getByTestId('trace-id');
    }
    await expect(trace.first().textContent()).resolves.toMatch(/^[\da-f]{32}$/);
    await page.getByTestId('audit-row').filter({ hasText: 'DecisionRecorded' }).filter({ hasText: plan.member }).first().waitFor();
    await check('audit-history');
  });
  it('pages through a long list of teams: 20 a page, next and previous, none twice and none missed', async () => {
    // The demo's five teams and enough more for a second page.
    for (let i = 0; i < 17; i++) await api(lead, 'POST', '/api/governance/teams', { name: `Pager team ${String(i).padStart(2, '0')}` });
    const all = (await api<{ items: Team[] }>(lead, 'GET', '/api/governance/teams?limit=50')).items.map((t) => t.name);
    expect(all).toHaveLength(22);
    await signIn(plan.member, ['member']);
    await page.goto(`${base}/#/teams`);
    const names = async () => page.locator('tbody a').allTextContents();
    await page.locator('tbody a').nth(19).waitFor();
    const first = await names();
    expect(first).toHaveLength(20);
    await expect(page.getByRole('button', { name: 'Previous page' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForFunction((before) => document.querySelector('tbody a')?.textContent !== before, first[0]);
    const second = await names();
    expect(second).toHaveLength(2);
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
    await check('teams-page-2');
    expect([...first, ...second].sort()).toEqual([...all].sort());
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.locator('tbody a').nth(19).waitFor();
    await expect(names()).resolves.toEqual(first);
  });
});
