/**
 * Each example assembles to the same bytes and symbol values with our assembler as with GNU as
 * 2.40, recorded once by tests/fixtures/examples/generate.sh (the suite never runs the toolchain).
 * So the examples are real GNU as programs: a student can take one to QEMU unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '$lib/emulator/asm/index.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';

const FIXTURES = join(process.cwd(), 'tests/fixtures/examples');

interface Expected {
	sections: { name: string; address: number; hex?: string; size: number }[];
	symbols: Map<string, number>;
}

/** NAME.expected, in the format of tests/fixtures/asm-golden (see generate.sh). */
function readExpected(path: string): Expected {
	const sections: Expected['sections'] = [];
	const symbols = new Map<string, number>();
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		const [kind, a, b, c] = line.split(' ');
		if (kind === 'section')
			sections.push({ name: a, address: parseInt(b, 16), hex: c, size: c.length / 2 });
		if (kind === 'zeros')
			sections.push({ name: a, address: parseInt(b, 16), size: parseInt(c, 16) });
		if (kind === 'symbol') symbols.set(a, parseInt(b, 16));
	}
	return { sections, symbols };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('examples against GNU as (golden)', () => {
	const files = Object.keys(EXAMPLE_SOURCES);

	it('has a recorded result for every example', () => {
		const missing = files.filter(
			(f) => !existsSync(join(FIXTURES, f.replace(/\.s$/, '.expected')))
		);
		expect(missing, 'run tests/fixtures/examples/generate.sh').toEqual([]);
	});

	for (const file of files) {
		it(`${file} assembles to the bytes and symbols GNU as gives`, () => {
			const path = join(FIXTURES, file.replace(/\.s$/, '.expected'));
			if (!existsSync(path)) return; // reported by the test above
			const { image, diagnostics } = assemble(EXAMPLE_SOURCES[file], { file });
			expect(diagnostics).toEqual([]);
			const expected = readExpected(path);
			const ours = image!.sections
				.filter((s) => s.bytes.length > 0)
				.map((s) => ({
					name: s.name,
					address: s.address,
					size: s.bytes.length,
					...(s.kind === 'bss' ? {} : { hex: hex(s.bytes) })
				}));
			expect(ours).toEqual(expected.sections);
			const values = new Map(image!.symbols.map((s) => [s.name, s.value]));
			for (const [sym, value] of expected.symbols)
				expect({ sym, value: values.get(sym) }).toEqual({ sym, value });
		});
	}
});
