/**
 * A live line chart of one value of the selected drone over the last minutes, drawn on a canvas
 * with a time axis ending "now" (the drone's latest timestamp).
 */
import { HISTORY_WINDOW_MS } from './store.js';
import { fitCanvas } from './dom.js';

export class TimeChart {

	#canvas;

	#context;

	#options;

	/**
	 * @param {HTMLCanvasElement} canvas
	 * @param {object} options
	 * @param {string} options.key the sample field to plot (alt, battery)
	 * @param {string} options.unit shown on the axis, e.g. "m"
	 * @param {string} options.colour line colour
	 * @param {number} options.min the bottom of the axis
	 * @param {number} [options.max] a fixed top; otherwise it grows with the data
	 * @param {number} [options.minRange] the smallest top for a growing axis
	 * @param {number} [options.windowMs] how far back the chart reaches
	 */
	constructor(canvas, options) {
		this.#canvas = canvas;
		this.#context = canvas.getContext('2d');
		this.#options = { windowMs: HISTORY_WINDOW_MS, minRange: 10, ...options };
	}

	/**
	 * Draws the samples.
	 * @param {{t:number}[]} samples oldest first
	 * @param {object|null} latest the drone's latest state, whose timestamp is "now"
	 * @param {number|null} latestValue the latest value, drawn as the last point
	 */
	render(samples, latest, latestValue) {
		const { width, height } = fitCanvas(this.#canvas, this.#context);
		const ctx = this.#context;
		const { key, unit, colour, min, windowMs } = this.#options;
		const pad = { left: 50, right: 12, top: 10, bottom: 22 };
		const plotWidth = Math.max(1, width - pad.left - pad.right);
		const plotHeight = Math.max(1, height - pad.top - pad.bottom);
		ctx.clearRect(0, 0, width, height);
		const now = latest?.timestamp;
		const points = [];
		if (Number.isFinite(now)) {
			for (const sample of samples) {
				if (now - sample.t <= windowMs && Number.isFinite(sample[key])) {
					points.push({ t: sample.t, v: sample[key] });
				}
			}
			if (Number.isFinite(latestValue)) {
				points.push({ t: now, v: latestValue });
			}
		}
		const max = this.#top(points);
		const x = (t) => pad.left + plotWidth * (1 - (now - t) / windowMs);
		const y = (v) => pad.top + plotHeight * (1 - (v - min) / (max - min));

		ctx.font = '11px system-ui, sans-serif';
		ctx.fillStyle = '#8fa3b3';
		ctx.strokeStyle = 'rgba(120, 160, 190, 0.14)';
		ctx.lineWidth = 1;
		ctx.textAlign = 'right';
		ctx.textBaseline = 'middle';
		for (let i = 0; i <= 4; i++) {
			const value = min + (max - min) * i / 4;
			const yy = Math.round(y(value)) + 0.5;
			ctx.beginPath();
			ctx.moveTo(pad.left, yy);
			ctx.lineTo(pad.left + plotWidth, yy);
			ctx.stroke();
			ctx.fillText(`${+value.toFixed(1)} ${unit}`, pad.left - 4, yy);
		}
		ctx.textAlign = 'center';
		ctx.textBaseline = 'alphabetic';
		const minutes = windowMs / 60000;
		for (let m = 0; m <= minutes; m++) {
			const xx = pad.left + plotWidth * (m / minutes);
			const label = m === minutes ? 'now' : `\u2212${minutes - m} min`;
			ctx.fillText(label, Math.min(xx, width - 14), height - 6);
		}
		if (points.length === 0) {
			ctx.fillText('no data yet', pad.left + plotWidth / 2, pad.top + plotHeight / 2);
			return;
		}
		ctx.save();
		ctx.beginPath();
		ctx.rect(pad.left, pad.top, plotWidth, plotHeight);
		ctx.clip();
		ctx.beginPath();
		points.forEach((p, i) => (i === 0 ? ctx.moveTo(x(p.t), y(p.v)) : ctx.lineTo(x(p.t), y(p.v))));
		ctx.strokeStyle = colour;
		ctx.lineWidth = 2;
		ctx.lineJoin = 'round';
		ctx.stroke();
		ctx.lineTo(x(points[points.length - 1].t), y(min));
		ctx.lineTo(x(points[0].t), y(min));
		ctx.closePath();
		const fill = ctx.createLinearGradient(0, pad.top, 0, pad.top + plotHeight);
		fill.addColorStop(0, `${colour}55`);
		fill.addColorStop(1, `${colour}00`);
		ctx.fillStyle = fill;
		ctx.fill();
		const last = points[points.length - 1];
		ctx.beginPath();
		ctx.arc(x(last.t), y(last.v), 3, 0, Math.PI * 2);
		ctx.fillStyle = colour;
		ctx.fill();
		ctx.restore();
	}

	#top(points) {
		const { max, min, minRange } = this.#options;
		if (Number.isFinite(max)) {
			return max;
		}
		let top = min + minRange;
		for (const p of points) {
			top = Math.max(top, p.v);
		}
		return min + niceStep((top - min) / 4) * 4;
	}

}

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ step not below {@code raw}, so axis labels stay round. */
function niceStep(raw) {
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	for (const step of [1, 2, 2.5, 5, 10]) {
		if (step * magnitude >= raw) {
			return step * magnitude;
		}
	}
	return 10 * magnitude;
}
