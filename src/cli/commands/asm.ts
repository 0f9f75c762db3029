import type { Command } from '../main.ts';

export const command: Command = {
	summary: 'asm (not built yet)',
	async run() {
		process.stderr.write('virtlab asm: not built yet\n');
		return 2;
	}
};
