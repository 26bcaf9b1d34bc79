#!/usr/bin/env node
/* global process */
// Entry point for `npx vigie` and `npm start`: runs the TypeScript sources through tsx,
// so there is no build step between a checkout and a working command.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
