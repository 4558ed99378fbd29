import type { CliCommand } from '../command';
import { auditCheckpointCommand } from './audit-checkpoint.command';
import { auditPublicKeyCommand } from './audit-public-key.command';
import { auditVerifyCommand } from './audit-verify.command';
import { consumerLagCommand } from './consumer-lag.command';
import { deadLettersDiscardCommand } from './dead-letters-discard.command';
import { deadLettersListCommand } from './dead-letters-list.command';
import { deadLettersReplayCommand } from './dead-letters-replay.command';
import { deadLettersShowCommand } from './dead-letters-show.command';
import { erasePersonCommand } from './erase-person.command';
import { projectionsRebuildCommand } from './projections-rebuild.command';
import { projectionsStatusCommand } from './projections-status.command';
import { stackDownCommand } from './stack-down.command';
import { stackStatusCommand } from './stack-status.command';
import { stackUpCommand } from './stack-up.command';
import { storeMigrateCommand } from './store-migrate.command';
import { storeVerifyCommand } from './store-verify.command';
import { subjectAccessCommand } from './subject-access.command';
import { topicsCreateCommand } from './topics-create.command';
import { topicsDescribeCommand } from './topics-describe.command';

/** Every command the CLI knows. Each lives in its own file beside this one. */
export const commands: readonly CliCommand[] = [
  auditVerifyCommand,
  auditCheckpointCommand,
  auditPublicKeyCommand,
  projectionsRebuildCommand,
  projectionsStatusCommand,
  storeMigrateCommand,
  storeVerifyCommand,
  stackUpCommand,
  stackStatusCommand,
  stackDownCommand,
  topicsCreateCommand,
  topicsDescribeCommand,
  consumerLagCommand,
  deadLettersListCommand,
  deadLettersShowCommand,
  deadLettersReplayCommand,
  deadLettersDiscardCommand,
  erasePersonCommand,
  subjectAccessCommand,
];
