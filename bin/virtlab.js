#!/usr/bin/env node
// The `virtlab` command. The engines are TypeScript; tsx compiles them on the fly so that
// `npx virtlab` works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
