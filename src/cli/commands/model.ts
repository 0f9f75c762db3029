/**
 * `virtlab model NAME [--param value …] [--json]`: the performance models of src/lib/sim from the
 * command line. Text for people by default, JSON for machines with --json. A bad parameter
 * prints one line naming it and exits with status 2.
 */
import type { Command } from '../main.ts';
import { analyticModels } from '../model/analytic.ts';
import { readParams, type ParamSpec } from '../model/args.ts';
import { parseCommandLine, usageError, type OptionSpec } from '../options.ts';
import { configModels } from '../model/configs.ts';
import { desModels } from '../model/des.ts';
import type { ModelSpec } from '../model/spec.ts';

const models: ModelSpec[] = [...analyticModels, ...desModels, ...configModels];

function defaultNote(p: ParamSpec): string {
	if (p.default !== undefined) return ` (default ${p.default})`;
	if (p.defaultText) return ` (default ${p.defaultText})`;
	return p.optional ? ' (optional)' : '';
}

function help(): string {
	const lines = [
		'usage: virtlab model NAME [--param value …] [--json]',
		'',
		'Performance models: analytic queues, simulated queues, vCPU scheduling, memory overcommit',
		'and VM placement. Prints text by default, JSON with --json.',
		'',
		'models:'
	];
	for (const m of models) {
		lines.push(`  ${m.name.padEnd(10)} ${m.summary}`);
		for (const p of m.params) {
			const flag = `--${p.name}`;
			lines.push(`      ${flag.padEnd(14)} ${p.description}${defaultNote(p)}`);
		}
	}
	lines.push(
		'',
		'examples:',
		'  virtlab model mm1 --lambda 0.9 --mu 1',
		'  virtlab model mva --demands 0.2,0.1 --think 1 --n 5 --json',
		'  virtlab model des-mm1 --lambda 0.9 --mu 1 --customers 1000000 --seed 7',
		'  virtlab model sched --config examples/models/sched.json'
	);
	return lines.join('\n') + '\n';
}

function modelHelp(m: ModelSpec): string {
	const lines = [`usage: virtlab model ${m.name} [--param value …] [--json]`, m.summary, ''];
	for (const p of m.params) {
		lines.push(`  --${p.name.padEnd(12)} ${p.description}${defaultNote(p)}`);
	}
	return lines.join('\n') + '\n';
}

export const command: Command = {
	summary:
		'performance models: queues (analytic and simulated), vCPU scheduling, memory, placement',
	async run(args) {
		// The model's name comes first; its parameters are the options the rest may give.
		const name = args[0] !== undefined && !args[0].startsWith('-') ? args[0] : undefined;
		const model = models.find((m) => m.name === name);
		if (name !== undefined && !model)
			return usageError(
				'model',
				`unknown model '${name}' (models: ${models.map((m) => m.name).join(', ')})`
			);
		const options: OptionSpec[] = [
			...(model?.params ?? []).map((p) => ({ name: p.name, value: 'X', description: '' })),
			{ name: 'json', description: '' }
		];
		const where = model ? `model ${model.name}` : 'model';
		const line = parseCommandLine(options, model ? args.slice(1) : args);
		if (!line.ok) {
			const expected = model?.params.map((p) => `--${p.name}`).join(', ');
			const more =
				model && line.error.startsWith('unknown option') ? ` (expected ${expected})` : '';
			return usageError(where, line.error + more);
		}
		const { options: given, positionals } = line.value;
		const wantsHelp = given.has('help');
		if (!model) {
			(wantsHelp ? process.stdout : process.stderr).write(help());
			return wantsHelp ? 0 : 2;
		}
		if (wantsHelp) {
			process.stdout.write(modelHelp(model));
			return 0;
		}
		if (positionals.length > 0)
			return usageError(
				where,
				`unexpected argument '${positionals[0]}' (parameters are --name value)`
			);
		const json = given.has('json');
		const params = new Map<string, string>();
		for (const [key, value] of given)
			if (key !== 'json' && typeof value === 'string') params.set(key, value);
		const values = readParams(model.name, model.params, params);
		if (!values.ok) return usageError(where, values.error.message);
		const result = await model.run(values.value);
		if (!result.ok) {
			process.stderr.write(`virtlab ${where}: ${result.error.message}\n`);
			return 2;
		}
		process.stdout.write(
			json ? JSON.stringify(result.value.json, null, 2) + '\n' : result.value.text
		);
		return 0;
	}
};
