import { describe, expect, it } from 'vitest';
import { registerNumber } from '../../../../../src/lib/emulator/asm/registers.ts';
import {
	REGISTER_DOCS,
	registerDoc
} from '../../../../../src/lib/widgets/machine/language/register-docs.ts';

describe('registerDoc', () => {
	it('describes each name the assembler reads as the register it reads', () => {
		expect(registerDoc.size).toBe(65);
		for (const [name, doc] of registerDoc) expect(doc.number, name).toBe(registerNumber(name));
	});

	it('follows the calling convention of Volume I Table 25.1', () => {
		const saver = (abi: string) => REGISTER_DOCS.find((d) => d.abi === abi)!.saver;
		for (const abi of ['sp', 's0', 's1', 's2', 's11']) expect(saver(abi)).toBe('callee');
		for (const abi of ['ra', 't0', 't6', 'a0', 'a7']) expect(saver(abi)).toBe('caller');
		expect(registerDoc.get('a0')!.role).toMatch(/return value/);
		expect(registerDoc.get('fp')).toBe(registerDoc.get('s0'));
		expect(registerDoc.get('x0')!.role).toMatch(/zero/);
	});
});
