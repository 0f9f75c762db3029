import { describe, expect, it } from 'vitest';
import { overcommitText } from '../../../../src/lib/widgets/memory-dashboard/text.ts';

describe('memory dashboard wording', () => {
	it('says how overcommitted the host is, and says "not overcommitted" when the VMs fit', () => {
		expect(overcommitText('en', 16)).toBe('1.5× overcommitted');
		expect(overcommitText('en', 32)).toBe('not overcommitted: the VMs need 75 % of it');
		expect(overcommitText('zh', 32)).toContain('未超售');
		expect(overcommitText('en', 24)).not.toContain('overcommitted:'.replace(':', '×'));
	});
});
