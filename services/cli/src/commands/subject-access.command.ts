import type { CliCommand } from '../command';
import { findPersonalData, subjectAccessExport } from '../personal-data/personal-data';
import { openPersonalDataTarget, PERSONAL_DATA_HELP, PERSONAL_DATA_USAGE } from './personal-data-options';
import { reportStoreError } from './store-options';

/**
 * `subject-access <personId> --tenant T`: everything the event stores and the vault hold
 * about a person, as JSON on stdout — every event they acted in or that names them, with the
 * values sealed under their own subjects opened (`$erased` once erased).
 */
export const subjectAccessCommand: CliCommand = {
  path: ['subject-access'],
  summary: 'export, as JSON, everything held about a person: their events with their own sealed data opened from the vault',
  usage: PERSONAL_DATA_USAGE,
  help: `${PERSONAL_DATA_HELP}\nExample: leerzone subject-access anna --tenant acme --store sqlite:./data/events.db --vault ./data/personal-data-vault.db > anna.json`,
  run: async (args, io) => {
    const target = await openPersonalDataTarget(args, io);
    try {
      const findings = await findPersonalData(
        target.stores.map((s) => s.store),
        target.vault,
        target.tenantId,
        target.personId,
      );
      const exported = await subjectAccessExport(findings, target.vault, new Date());
      io.out.write(`${JSON.stringify(exported, null, 2)}\n`);
      io.err.write(`${findings.events.length} events and ${findings.subjects.length} vault subjects about ${target.personId} in tenant ${target.tenantId}.\n`);
      return 0;
    } catch (error) {
      return reportStoreError(error, io);
    } finally {
      await target.close();
    }
  },
};
