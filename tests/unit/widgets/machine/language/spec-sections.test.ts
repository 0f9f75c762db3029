import { describe, expect, it } from 'vitest';
import { instructionByName, instructions } from '../../../../../src/lib/emulator/isa/table.ts';
import { specSection } from '../../../../../src/lib/widgets/machine/language/spec-sections.ts';

const section = (name: string) => specSection(instructionByName.get(name)!);

describe('specSection', () => {
	it('points the base instructions at their sections of Volume I chapter 2', () => {
		expect(section('add')).toMatch(/^Volume I §2\.4 /);
		expect(section('lui')).toMatch(/^Volume I §2\.4 /);
		expect(section('beq')).toMatch(/^Volume I §2\.5 /);
		expect(section('jalr')).toMatch(/^Volume I §2\.5 /);
		expect(section('lbu')).toMatch(/^Volume I §2\.6 /);
		expect(section('sw')).toMatch(/^Volume I §2\.6 /);
		expect(section('fence')).toMatch(/^Volume I §2\.7 /);
		expect(section('ebreak')).toMatch(/^Volume I §2\.8 /);
	});

	it('points the extensions at their chapters', () => {
		expect(section('mulhu')).toMatch(/§7\.1 /);
		expect(section('remu')).toMatch(/§7\.2 /);
		expect(section('sc.w')).toMatch(/§8\.2 /);
		expect(section('amomaxu.w')).toMatch(/§8\.4 /);
		expect(section('csrrci')).toMatch(/§9\.1 /);
		expect(section('mret')).toMatch(/^Volume II §3\.3\.2 /);
		expect(section('wfi')).toMatch(/^Volume II §3\.3\.3 /);
		expect(section('sfence.vma')).toMatch(/^Volume II §4\.2\.1 /);
		expect(section('hfence.gvma')).toMatch(/Hypervisor Memory-Management Fence/);
		expect(section('hlvx.hu')).toMatch(/Virtual-Machine Load and Store/);
	});

	it('names the volume of every instruction', () => {
		for (const spec of instructions)
			expect(specSection(spec)).toMatch(
				spec.extension === 'Priv' || spec.extension === 'H' ? /^Volume II/ : /^Volume I /
			);
	});
});
