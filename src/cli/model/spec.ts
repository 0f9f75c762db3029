import type { Result } from '../../lib/sim/result.ts';
import type { ParamSpec, ParamValues } from './args.ts';

/** What `virtlab model NAME` prints: the JSON object, and the same as text for people. */
export interface ModelOutput {
	json: unknown;
	text: string;
}

/** One model of the `virtlab model` command. */
export interface ModelSpec {
	name: string;
	summary: string;
	params: ParamSpec[];
	run(values: ParamValues): Promise<Result<ModelOutput>>;
}
