// The demo organisation seeder (README.md): `npm run demo -- --teams 40 --seed 1`. It seeds through the
// public HTTP commands of every service, never by writing read models or events.
import { SingleBar, Presets } from 'cli-progress';
import { planCounts, planDemo } from './plan/demo-plan';
import { DEMO_USAGE, DemoArgumentError, parseDemoArguments } from './seed/demo-arguments';
import { DemoClient } from './seed/demo-client';
import { seedDemo, type DemoProgress } from './seed/seed-demo';

function progressBar(): DemoProgress {
  if (!process.stderr.isTTY) {
    let done = 0;
    let total = 0;
    let last = 0;
    return {
      start: (n) => (total = n),
      tick: (step) => {
        done++;
        if (Date.now() - last > 1_000 || done === total) {
          last = Date.now();
          process.stderr.write(`demo: ${done}/${total} ${step}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({ format: 'demo [{bar}] {percentage}% | {value}/{total} | {step} | ETA {eta_formatted}', hideCursor: true }, Presets.shades_classic);
  return { start: (total) => bar.start(total, 0, { step: 'starting' }), tick: (step) => bar.increment({ step }), stop: () => bar.stop() };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return;
  }
  const args = parseDemoArguments(process.argv.slice(2));
  const plan = planDemo({ seed: args.seed, teams: args.teams, tenant: args.tenant, today: new Date().toISOString().slice(0, 10) });
  const client = new DemoClient({ urls: args.urls, tenant: args.tenant }, { warn: (message) => process.stderr.write(`\n${message}\n`) });
  const result = await seedDemo(plan, client, progressBar(), { parallelism: args.parallelism });
  const summary = {
    tenant: args.tenant,
    seed: args.seed,
    plan: planCounts(plan),
    requests: result.requests,
    retries: result.retries,
    seconds: Math.round(result.elapsedMs / 100) / 10,
    transformationLead: plan.leadId,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof DemoArgumentError) process.stderr.write(`${error.message}\n\n${DEMO_USAGE}\n`);
  else process.stderr.write(`The demo stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
