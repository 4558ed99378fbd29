#!/usr/bin/env node
import { runCli } from './cli';
import { commands } from './commands';

runCli(process.argv.slice(2), commands, { out: process.stdout, err: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
