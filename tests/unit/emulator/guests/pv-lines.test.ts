/**
 * kernelLinesByBuild (guests/pv-lines.ts): the lines of the kernel each build assembles, the
 * figure lesson 04 quotes as the price of paravirtualization.
 */
import { describe, expect, it } from 'vitest';
import { kernelLinesByBuild } from '../../../../src/lib/emulator/guests/pv-lines.ts';
import { GUEST_SOURCES } from '../../../../src/lib/emulator/guests/sources.generated.ts';

describe('kernelLinesByBuild', () => {
	it('sorts lines by the PV branches around them, nested conditionals and comments aside', () => {
		const counts = kernelLinesByBuild({
			'kernel/kernel.s': [
				'# a comment',
				'',
				'\tli a0, 1          # shared',
				'.ifdef PV',
				'\tli a0, 2',
				'.if 1',
				'\tli a0, 3          # still PV only',
				'.endif',
				'.include "kernel/extra.s"',
				'.else',
				'\tli a0, 4',
				'.endif',
				'.ifndef PV',
				'\tli a0, 5          # native only',
				'.endif',
				'.ifndef TIME_SLICE',
				'.equ TIME_SLICE, 1 # shared: not about PV',
				'.endif'
			].join('\n'),
			'kernel/extra.s': 'nop\nnop\n',
			'workloads/x.s': 'nop\n'
		});
		expect(counts).toEqual({ shared: 2, pvOnly: 5, nativeOnly: 2 });
	});

	it('counts every code line of pv.s as PV only', () => {
		const pvLines = GUEST_SOURCES['kernel/pv.s']
			.split('\n')
			.map((l) => l.replace(/#.*$/, '').trim())
			.filter((l) => l !== '' && !/^\.(ifndef|endif)/.test(l)).length;
		const without = kernelLinesByBuild({ ...GUEST_SOURCES, 'kernel/pv.s': '' });
		expect(kernelLinesByBuild().pvOnly - without.pvOnly).toBe(pvLines);
		expect(without.shared).toBe(kernelLinesByBuild().shared);
	});
});
