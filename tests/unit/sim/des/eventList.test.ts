import { describe, expect, it } from 'vitest';
import { EventList } from '../../../../src/lib/sim/des/eventList.ts';
import { Random } from '../../../../src/lib/sim/random.ts';

describe('EventList (binary heap)', () => {
	it('pops events in time order, whatever the insertion order', () => {
		const list = new EventList(2); // small, so it has to grow
		const rng = new Random(1);
		const times: number[] = [];
		for (let i = 0; i < 1000; i++) {
			const t = rng.uniform() * 100;
			times.push(t);
			list.push(t, i);
		}
		times.sort((a, b) => a - b);
		const popped: number[] = [];
		while (list.size > 0) {
			list.pop();
			popped.push(list.time);
		}
		expect(popped).toEqual(times);
	});

	it('returns the codes with their times', () => {
		const list = new EventList();
		list.push(3, 30);
		list.push(1, 10);
		list.push(2, -20);
		expect(list.peekTime()).toBe(1);
		expect([list.pop(), list.time]).toEqual([10, 1]);
		expect([list.pop(), list.time]).toEqual([-20, 2]);
		expect([list.pop(), list.time]).toEqual([30, 3]);
	});

	it('breaks ties in scheduling order (FIFO), also after interleaved pops', () => {
		const list = new EventList();
		for (let i = 0; i < 10; i++) list.push(5, i);
		list.push(1, 100);
		expect(list.pop()).toBe(100);
		for (let i = 10; i < 20; i++) list.push(5, i);
		const order: number[] = [];
		while (list.size > 0) order.push(list.pop());
		expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	it('reports an empty list', () => {
		const list = new EventList();
		expect(list.peekTime()).toBe(Infinity);
		expect(list.pop()).toBe(-0x80000000);
		list.push(1, 1);
		list.clear();
		expect(list.size).toBe(0);
	});
});
