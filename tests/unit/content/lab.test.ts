import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { parseLab, parseLabName } from '../../../src/lib/content/lab.ts';

const lab = (
	body: string,
	front = 'id: demo\ntitle: Demo\nversion: 2\npoints: 5\nparams:\n  N: { int: [1, 9] }\n'
) => `---\n${front}---\n\nIntro with $x^2$.\n\n${body}`;

const asmTask = `:::task{id=prog kind=asm title="A program" points=3}

Write it.

\`\`\`asm harness
	j _start
\`\`\`

\`\`\`asm
_start:
\`\`\`

\`\`\`asm solution
_start:
	li a0, N
\`\`\`

\`\`\`checks
registers: [a0]
output: false
maxInstructions: 2 * reference
\`\`\`

:::
`;

const answerTask = `:::task{id=num kind=answer title="A number" points=2 solution="2 * N" unit="%"}
How much?
:::
`;

const vmmFront =
	'id: demo\ntitle: Demo\nversion: 1\npoints: 3\nparams:\n  TLB: { choice: [16, 32] }\n';
const vmmTask = `:::task{id=q kind=vmm title="The queue" points=3}

\`\`\`asm
pv_commit:
	ret
\`\`\`

\`\`\`asm solution
pv_commit:
	ret
\`\`\`

\`\`\`checks
replaces: kernel/pv-queue.s
workloads: [spawn]
modes: [pv]
tlbEntries: TLB
exits:
  hypercall: 2 * reference
\`\`\`

:::
`;

const errorsOf = (text: string, path = 'content/labs/demo.md') =>
	parseLab({ path, text }).errors.map(formatContentError);

describe('parseLab', () => {
	it('reads front matter, intro and tasks into plain data', () => {
		const { lab: parsed, errors } = parseLab({
			path: 'content/labs/demo.md',
			text: lab(asmTask + answerTask)
		});
		expect(errors).toEqual([]);
		expect(parsed).toMatchObject({
			id: 'demo',
			lang: 'en',
			version: 2,
			points: 5,
			params: { N: { int: [1, 9] } }
		});
		expect(parsed!.intro).toContain('katex');
		const [prog, num] = parsed!.tasks;
		expect(prog).toMatchObject({
			kind: 'asm',
			id: 'prog',
			points: 3,
			harness: '\tj _start\n',
			starter: '_start:',
			solution: '_start:\n\tli a0, N',
			checks: { registers: ['a0'], output: false, exitCode: true, maxInstructions: '2 * reference' }
		});
		expect(prog.html).toBe('<p>Write it.</p>');
		expect(num).toMatchObject({
			kind: 'answer',
			solution: '2 * N',
			unit: '%',
			rtol: 0.01,
			atol: 0
		});
		// Plain data: what the page receives is what the CLI grades.
		expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
	});

	it('reads a model task and a written task as docs/writing-labs.md shows them', () => {
		const model = [
			':::task{id=servers kind=model title="Enough servers" points=3}',
			'Choose c.',
			'',
			'```yaml starter',
			'c: 1',
			'```',
			'',
			'```yaml solution',
			'c: 12',
			'```',
			'',
			'```checks',
			'model: mmc',
			'base: { lambda: "=N", mu: 1 }',
			'fields: [c]',
			'metric: W',
			'compare: "<="',
			'target: 1.05',
			'```',
			':::',
			'',
			':::task{id=explain kind=written title="Why" points=2}',
			'Say why.',
			'',
			'```text starter',
			'Because …',
			'```',
			':::',
			''
		].join('\n');
		const { lab: parsed, errors } = parseLab({ path: 'content/labs/demo.md', text: lab(model) });
		expect(errors.map(formatContentError)).toEqual([]);
		expect(parsed!.tasks).toMatchObject([
			{
				kind: 'model',
				model: 'mmc',
				base: { lambda: '=N', mu: 1 },
				fields: ['c'],
				starter: 'c: 1',
				solution: 'c: 12',
				// One condition written flat is a list of one.
				conditions: [{ set: {}, metric: 'W', compare: '<=', target: '1.05' }],
				require: []
			},
			{ kind: 'written', starter: 'Because …', html: '<p>Say why.</p>' }
		]);
	});

	it('reads a model task with conditions and a requirement', () => {
		const bracket = (checks: string[]) =>
			[
				':::task{id=bracket kind=model title="Bracket it" points=5}',
				'```yaml solution',
				"LOW: '=N'",
				"HIGH: '=N + 1'",
				'```',
				'',
				'```checks',
				'model: mmc',
				'base: { lambda: 1, mu: 1 }',
				'variables: [LOW, HIGH]',
				...checks,
				'```',
				':::',
				''
			].join('\n');
		const conditions = [
			'conditions:',
			"  - { set: { c: '=LOW' }, metric: W, compare: '>', target: 1.05 }",
			"  - { set: { c: '=HIGH' }, metric: W, compare: '<=', target: 1.05 }"
		];
		const good = bracket(['require: HIGH - LOW <= 2', ...conditions]);
		const { lab: parsed, errors } = parseLab({ path: 'content/labs/demo.md', text: lab(good) });
		expect(errors.map(formatContentError)).toEqual([]);
		expect(parsed!.tasks[0]).toMatchObject({
			solution: "LOW: '=N'\nHIGH: '=N + 1'",
			require: ['HIGH - LOW <= 2'],
			conditions: [
				{ set: { c: '=LOW' }, metric: 'W', compare: '>', target: '1.05' },
				{ set: { c: '=HIGH' }, metric: 'W', compare: '<=', target: '1.05' }
			]
		});
		expect(errorsOf(lab(bracket(['require: HIGH - LOW', ...conditions])))).toEqual([
			"content/labs/demo.md:12:1: ':::task{id=bracket}': require: 'HIGH - LOW' must be one comparison such as ABOVE - BELOW <= 16"
		]);
		expect(errorsOf(lab(bracket(['metric: W', ...conditions])))).toEqual([
			"content/labs/demo.md:22:1: ':::task{id=bracket}': 'metric': give metric, compare and target, or a list of conditions, each with its own"
		]);
		expect(
			errorsOf(
				lab(
					bracket([
						...conditions.slice(0, 2),
						"  - { set: { c: '=(' }, metric: W, compare: '<', target: 1 }"
					])
				)
			)
		).toEqual([expect.stringMatching(/conditions\.1\.set\.c: '\(' is not a mathjs expression/)]);
	});

	it('knows a Chinese translation by its name', () => {
		expect(parseLabName('content/labs/demo.zh.md')).toEqual({ slug: 'demo', lang: 'zh' });
		expect(parseLabName('content/labs/Demo.md')).toBeUndefined();
	});

	it('gives file:line:col for a mistake in the checks block', () => {
		const bad = asmTask.replace('registers: [a0]', 'registers: [a0]\ncolour: red');
		expect(errorsOf(lab(bad + answerTask))).toEqual([
			"content/labs/demo.md:31:1: ':::task{id=prog}': unknown setting 'colour' for a asm task"
		]);
	});

	it('gives file:line:col for invalid YAML in the checks block', () => {
		const bad = asmTask.replace('registers: [a0]', 'registers: [a0');
		expect(errorsOf(lab(bad + answerTask))[0]).toMatch(
			/^content\/labs\/demo\.md:3[01]:\d+: checks: /
		);
	});

	it('gives file:line:col for a front matter mistake', () => {
		const front = 'id: demo\ntitle: Demo\nversion: two\npoints: 5\n';
		expect(errorsOf(lab(answerTask, front))).toContain(
			"content/labs/demo.md:4:10: front matter: 'version': Invalid input: expected number, received string"
		);
	});

	it('checks that the points add up', () => {
		expect(errorsOf(lab(answerTask))).toEqual([
			"content/labs/demo.md:5:1: front matter: 'points' is 5 but the tasks' points add up to 2"
		]);
	});

	it('refuses an unknown kind, a twice-used id, a missing solution and a bad expression', () => {
		const errors = errorsOf(
			lab(
				[
					':::task{id=a kind=essay title=A points=1}\n:::\n',
					answerTask,
					answerTask,
					':::task{id=b kind=asm title=B points=1}\n```asm\nnop\n```\n:::\n',
					':::task{id=c kind=answer title=C points=1 solution="2 *"}\n:::\n'
				].join('\n')
			)
		);
		expect(errors).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/demo\.md:\d+:1: ':::task': 'kind': /),
				expect.stringMatching(/task id 'num' is used twice \(first at line \d+\)/),
				expect.stringMatching(/':::task\{id=b\}': needs a ```asm solution block/),
				expect.stringMatching(/':::task\{id=c\}': solution: '2 \*' is not a mathjs expression/)
			])
		);
	});

	it('wants run= to name an asm, vmm or model task', () => {
		const counted = answerTask.replace('solution="2 * N"', 'run=num solution="reference.traps"');
		expect(errorsOf(lab(asmTask + counted))).toEqual([
			expect.stringMatching(
				/demo\.md:\d+:1: ':::task\{id=num\}': run=num must name an asm, vmm or model task of this lab/
			)
		]);
	});

	it('reads a vmm task: the file it replaces, the run and the checks', () => {
		const parsed = parseLab({ path: 'content/labs/demo.md', text: lab(vmmTask, vmmFront) });
		expect(parsed.errors.map(formatContentError)).toEqual([]);
		expect(parsed.lab?.tasks[0]).toMatchObject({
			kind: 'vmm',
			replaces: 'kernel/pv-queue.s',
			starter: 'pv_commit:\n\tret',
			solution: 'pv_commit:\n\tret',
			run: {
				workloads: ['spawn'],
				modes: ['pv'],
				scale: '1',
				params: {},
				tlbEntries: 'TLB',
				memoryMiB: 16,
				budget: 50_000_000
			},
			checks: { output: true, exits: { hypercall: '2 * reference' }, hints: {} }
		});
	});

	it('refuses a vmm task with an unknown exit reason, a file the kernel lacks or no workloads', () => {
		const bad = vmmTask
			.replace('replaces: kernel/pv-queue.s', 'replaces: kernel/nothing.s')
			.replace('  hypercall:', '  vmexit:');
		const errors = errorsOf(lab(bad, vmmFront));
		expect(errors).toEqual([
			expect.stringMatching(
				/demo\.md:\d+:1: ':::task\{id=q\}': 'replaces': must be 'workload' or a kernel file/
			),
			expect.stringMatching(/':::task\{id=q\}': 'exits\.vmexit': is not an exit reason/)
		]);
		expect(errorsOf(lab(vmmTask.replace('workloads: [spawn]\n', ''), vmmFront))).toEqual([
			expect.stringMatching(/':::task\{id=q\}': 'workloads': name the workloads to run/)
		]);
	});

	it('wants the id to match the file name', () => {
		expect(errorsOf(lab(asmTask + answerTask), 'content/labs/other.md')).toEqual([
			"content/labs/other.md:2:1: front matter: 'id' is 'demo' but the file is other.md: they must match"
		]);
	});

	it('refuses prose after the first task and unknown blocks', () => {
		const errors = errorsOf(lab(`${asmTask}\nStray text.\n\n:::hint\nx\n:::\n${answerTask}`));
		expect(errors).toEqual([
			expect.stringMatching(/:\d+:1: text after the first task belongs inside a ':::task'/),
			expect.stringMatching(/:\d+:1: unknown block 'hint' in a lab/)
		]);
	});
});
