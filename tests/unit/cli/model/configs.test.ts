import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiGantt, configModels } from '../../../../src/cli/model/configs.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { runSched } from '../../../../src/lib/sim/sched/simulate.ts';

const model = (name: string) => configModels.find((m) => m.name === name)!;

function file(content: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'virtlab-model-'));
	const path = join(dir, 'config.json');
	writeFileSync(path, content);
	return path;
}

describe('configuration-file models of virtlab model', () => {
	it('names the file when it is missing or not JSON', async () => {
		const missing = await model('sched').run({ config: '/no/such/config.json' });
		expect(missing.ok ? '' : missing.error.message).toBe(
			'--config /no/such/config.json: no such file'
		);
		const path = file('{ "pcpus": 2,');
		const broken = await model('sched').run({ config: path });
		expect(broken.ok ? '' : broken.error.message).toContain(`--config ${path}: not valid JSON`);
	});

	it('prefixes field errors with the file name', async () => {
		const path = file(
			JSON.stringify({ host: { cpu: 4, memory: 4 }, vms: [{ cpu: -1, memory: 1 }] })
		);
		const r = await model('placement').run({ config: path });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.param).toBe('vms[0].cpu');
			expect(r.error.message.startsWith(`${path}: vms[0].cpu: `)).toBe(true);
		}
	});

	it('prints a table per model', async () => {
		const path = file(
			JSON.stringify({
				pcpus: 1,
				durationMs: 100,
				policy: { name: 'rr' },
				vms: [{}, { weight: 512 }]
			})
		);
		const r = await model('sched').run({ config: path });
		expect(r.ok && r.value.text).toContain("Jain's fairness");
	});

	it('draws the Gantt trace as text: round robin alternates A and B every 10 ms', () => {
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 40,
				policy: { name: 'rr', sliceMs: 10 },
				vms: [{ name: 'a' }, { name: 'b' }],
				gantt: { fromMs: 0, toMs: 40 }
			})
		);
		const lines = asciiGantt(r).trim().split('\n');
		expect(lines[0]).toContain('A = a, B = b');
		expect(lines[1]).toBe(
			'pCPU 0   ' + 'A'.repeat(10) + 'B'.repeat(10) + 'A'.repeat(10) + 'B'.repeat(10)
		);
	});
});
