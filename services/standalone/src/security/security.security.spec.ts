import { AttackTable, type Attack } from './attack-table';
import { anonymityAttacks } from './attacks/anonymity';
import { devIssuerAttacks } from './attacks/dev-issuer';
import { floodAttacks } from './attacks/floods';
import { inputAttacks } from './attacks/inputs';
import { personalDataAttacks } from './attacks/personal-data';
import { roleAttacks } from './attacks/roles';
import { tenancyAttacks } from './attacks/tenancy';
import { tokenAttacks } from './attacks/tokens';
import { startTarget, type Target } from './target';

/**
 * The security suite (`npm run test:security`): attacks on the built standalone as a real
 * process, each class a test that fails unless nothing got through, and at the end the
 * table — attack class, attempts, got through — as docs/security.md shows it. A new class of
 * attack is one more entry of ATTACKS.
 */
const ATTACKS: ReadonlyArray<Attack<Target>> = [...tokenAttacks, ...devIssuerAttacks, ...inputAttacks, ...roleAttacks, ...floodAttacks, ...personalDataAttacks, ...tenancyAttacks(), ...anonymityAttacks];

describe('security suite', () => {
  const table = new AttackTable();
  let target: Target;

  beforeAll(async () => {
    target = await startTarget();
  }, 120_000);

  afterAll(async () => {
    await target?.close();
    process.stdout.write(`\nSecurity suite — every row must say 0 got through\n\n${table.markdown()}\n\n`);
  });

  it('discovers the routes of every service from the served OpenAPI', () => {
    const services = new Set(target.routes.map((r) => r.path.split('/')[2]));
    expect([...services].sort()).toEqual(expect.arrayContaining(['analytics', 'assessment', 'audit', 'failure-learning', 'governance', 'okr']));
    expect(target.routes.filter((r) => !r.isPublic).length).toBeGreaterThan(50);
  });

  for (const attack of ATTACKS) {
    it(attack.attackClass, async () => {
      const attempts = await attack.run(target);
      table.add(attack.attackClass, attempts);
      expect(attempts.length).toBeGreaterThan(0);
      expect(attempts.filter((a) => a.gotThrough).map((a) => `${a.label} → ${a.answer}`)).toEqual([]);
    }, 300_000);
  }
});
