import { legacyPersonSubject } from '@leerzone/kernel';
import type { CliCommand } from '../command';
import { recordErasure } from '../personal-data/erasure-record';
import { findPersonalData } from '../personal-data/personal-data';
import { ERASE_HELP, ERASE_USAGE, openPersonalDataTarget } from './personal-data-options';
import { reportStoreError } from './store-options';

/**
 * `erase person <personId> --tenant T --by <operator> --reason <why>`: destroys, in the
 * personal-data vault, every key that seals data about the person (crypto-shredding), then
 * records the erasure as a `PersonalDataErased` event in the tenant's erasure stream of the
 * first store (who, which subjects, when, why — never the data). The events about the person
 * stay as they are — their hash chains and `audit verify` intact — and every reader (queries,
 * history, exports, rebuilt read models, Kafka re-reads) then gets `$erased` for those values.
 * Irreversible.
 */
export const erasePersonCommand: CliCommand = {
  path: ['erase', 'person'],
  summary: 'erase a person’s personal data for good: destroy every vault key sealing data about them and record the erasure (events and audit chains stay intact)',
  usage: ERASE_USAGE,
  help: `${ERASE_HELP}\nExample: leerzone erase person anna --tenant acme --by oscar --reason "GDPR request #4711" --store sqlite:./data/events.db --vault ./data/personal-data-vault.db`,
  run: async (args, io) => {
    const target = await openPersonalDataTarget(args, io, ['by', 'reason']);
    try {
      const findings = await findPersonalData(
        target.stores.map((s) => s.store),
        target.vault,
        target.tenantId,
        target.personId,
      );
      const already: string[] = [];
      for (const subject of findings.subjects) {
        if (await target.vault.isErased(subject)) already.push(subject);
        await target.vault.erase(subject);
      }
      io.out.write(`Read ${findings.eventsRead} events of tenant ${target.tenantId} in ${target.stores.map((s) => s.url).join(', ')}; vault ${target.vaultLabel}.\n`);
      io.out.write(`${findings.events.length} events are about ${target.personId}.\n`);
      if (findings.subjects.length === 0) io.out.write(`No sealed personal data of ${target.personId} was found: nothing to erase.\n`);
      for (const subject of findings.subjects) io.out.write(`  erased ${subject}${already.includes(subject) ? ' (already erased before)' : ''}\n`);
      if (findings.subjects.includes(legacyPersonSubject(target.personId))) {
        io.out.write(
          `Note: ${legacyPersonSubject(target.personId)} is a legacy subject (sealed before subjects were tenant-scoped) and one key for every tenant: data another tenant sealed under it before then reads as erased too.\n`,
        );
      }
      if (findings.subjects.length > 0) {
        io.out.write(`Erased ${findings.subjects.length} vault subject${findings.subjects.length === 1 ? '' : 's'}: every value sealed under them now reads as erased. The events and their hash chains are unchanged.\n`);
      }
      const recorded = await recordErasure(
        target.stores[0]!.store,
        target.tenantId,
        {
          personId: target.personId,
          subjects: findings.subjects,
          alreadyErased: already,
          storesRead: target.stores.map((s) => s.url),
          vault: target.vaultLabel,
          eventsRead: findings.eventsRead,
          erasedBy: target.flags.get('by')!.trim(),
          erasedAt: new Date().toISOString(),
        },
        target.flags.get('reason')!.trim(),
      );
      io.out.write(`Recorded PersonalDataErased in ${recorded.streamId} at position ${recorded.streamPosition} of ${target.stores[0]!.url}.\n`);
      return 0;
    } catch (error) {
      return reportStoreError(error, io);
    } finally {
      await target.close();
    }
  },
};
