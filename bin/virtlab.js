#!/usr/bin/env node
// The `virtlab` command. The engines are TypeScript; tsx compiles them on the fly so that
// `npx virtlab` works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
// `virtlab run prog.elf | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error) => {
		if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw error;
	});
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
