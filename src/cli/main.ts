/**
 * Entry point of the `virtlab` command: one module per sub-command, loaded on demand so that
 * `virtlab model` never pays for compiling the emulator and vice versa.
 * Every sub-command returns the process exit code instead of calling process.exit, so that
 * tests can call it in-process. Commands report bad input themselves, as one line; should one
 * still throw, the user sees one line too (`virtlab <command>: internal error: …`, exit 70, the
 * sysexits code for an internal software error), and the stack only with VIRTLAB_DEBUG=1.
 */
export interface Command {
	summary: string;
	run(args: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<{ command: Command }>> = {
	asm: () => import('./commands/asm.ts'),
	run: () => import('./commands/run.ts'),
	bench: () => import('./commands/bench.ts'),
	model: () => import('./commands/model.ts'),
	vm: () => import('./commands/vm.ts'),
	debug: () => import('./commands/debug.ts'),
	walk: () => import('./commands/walk.ts'),
	grade: () => import('./commands/grade.ts'),
	lab: () => import('./commands/lab.ts')
};

function usage(): string {
	return `usage: virtlab <command> [options]   (virtlab <command> --help for its options)
commands: ${Object.keys(commands).join(', ')}
`;
}

export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h') {
		process.stdout.write(usage());
		return name ? 0 : 2;
	}
	const load = commands[name];
	if (!load) {
		process.stderr.write(`virtlab: unknown command '${name}'\n${usage()}`);
		return 2;
	}
	const { command } = await load();
	try {
		return await command.run(rest);
	} catch (e) {
		const error = e as Error;
		process.stderr.write(`virtlab ${name}: internal error: ${error.message ?? String(e)}\n`);
		if (process.env.VIRTLAB_DEBUG) process.stderr.write(`${error.stack}\n`);
		else process.stderr.write('(set VIRTLAB_DEBUG=1 to see where; please report it)\n');
		return 70;
	}
}
