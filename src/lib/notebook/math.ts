/**
 * The mathjs instance every notebook uses. mathjs's own expression parser is safe for text a
 * student types: expressions cannot reach JavaScript globals (https://mathjs.org/docs/expressions/security.html).
 * We additionally switch off the few functions that change the shared instance itself (`import`,
 * `createUnit`): a cell that created a unit would fail with "unit already exists" the next time the
 * lesson re-runs, and one lesson must not change another's units.
 */
import { all, create } from 'mathjs';

export const math = create(all, {});

function disabled(name: string) {
	return () => {
		throw new Error(`Function ${name} is disabled in lesson cells`);
	};
}

math.import({ import: disabled('import'), createUnit: disabled('createUnit') }, { override: true });
