import { existsSync, readFileSync } from 'node:fs';
import { CheckpointSigner } from '@leerzone/audit';
import type { CliCommand, CliIo } from '../command';
import { parseAuditFlags, signingKeyFile } from './audit-options';

/** `audit public-key`: the PEM auditors pass to `audit verify --public-key`. */
export const auditPublicKeyCommand: CliCommand = {
  path: ['audit', 'public-key'],
  summary: 'Print the public key (PEM) that verifies this installation’s checkpoints',
  usage: '[--key-file <path>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const keyFile = signingKeyFile(parseAuditFlags(args, ['key-file']), io.env);
    if (!existsSync(keyFile)) throw new Error(`There is no signing key at ${keyFile}; \`audit checkpoint\` creates one.`);
    const signer = CheckpointSigner.fromPem(readFileSync(keyFile, 'utf8'), keyFile);
    io.err.write(`key id ${signer.keyId}\n`);
    io.out.write(signer.publicKeyPem);
    return 0;
  },
};
