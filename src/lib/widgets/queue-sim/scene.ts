/**
 * Where the animation draws things: the queue as a row of customers walking towards the servers
 * (at most `room` drawn, the rest counted), and the servers stacked on the right.
 */
import { size } from '../../chart/frame.ts';

export interface Scene {
	width: number;
	height: number;
	/** Centres of the waiting customers drawn, nearest the servers first. */
	waiting: { cx: number; cy: number }[];
	/** Customers waiting beyond those drawn. */
	more: number;
	servers: { x: number; y: number; width: number; height: number; busy: boolean }[];
	queueY: number;
	queueLeft: number;
	queueRight: number;
}

export function scene(available: number, waiting: number, serverBusy: boolean[]): Scene {
	// A container that measures 0 still gets a scene of non-negative sizes.
	const width = size(available);
	const c = serverBusy.length;
	const serverSize = Math.max(14, Math.min(30, Math.floor(120 / c)));
	const gap = 4;
	const height = Math.max(70, c * (serverSize + gap) + 20);
	const serverX = width - serverSize - 12;
	const queueRight = serverX - 28;
	const queueLeft = 30;
	const queueY = height / 2;
	const spacing = 14;
	const room = Math.max(1, Math.floor((queueRight - queueLeft) / spacing));
	const drawn = Math.min(waiting, room);
	const stackTop = (height - (c * serverSize + (c - 1) * gap)) / 2;
	return {
		width,
		height,
		waiting: Array.from({ length: drawn }, (_, i) => ({
			cx: queueRight - 6 - i * spacing,
			cy: queueY
		})),
		more: waiting - drawn,
		servers: serverBusy.map((busy, k) => ({
			x: serverX,
			y: stackTop + k * (serverSize + gap),
			width: serverSize,
			height: serverSize,
			busy
		})),
		queueY,
		queueLeft,
		queueRight
	};
}
