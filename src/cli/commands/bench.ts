import type { Command } from '../main.ts';

export const command: Command = {
	summary: 'bench (not built yet)',
	async run() {
		process.stderr.write('virtlab bench: not built yet\n');
		return 2;
	}
};
