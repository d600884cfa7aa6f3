/**
 * The top-down map: homes, the geofence, every drone with a heading arrow and a fading trail, a
 * recorded path under them if there is one, the drones' mission routes with their progress, a mission
 * being planned, a scale bar and a north arrow, drawn on a canvas, over a background of map tiles
 * when the hub names a tile source ({@link setTiles}) and over a grid alone otherwise, as offline;
 * the canvas's {@code data-tiles} says whether the tiles are {@code shown}, {@code loading} or
 * {@code failed} ({@code none} without a source). It only draws; a click is reported to {@code onPick}, a press that the page takes as the start of a
 * drag to {@code onDrag} until the pointer is released, and the page decides what they mean.
 */
import { centroid, fitSpan, fromLocal, niceScaleLength, toLocal, Viewport } from './geo.js';
import { formatDistance } from './format.js';
import { droneColour } from './palette.js';
import { fitCanvas } from './dom.js';
import { TileLayer } from './tiles.js';

/**
 * The geofence radius drawn around the selected drone's home, m. It is the hub's default
 * ({@code hub.flight.geofence.radius}); contract v1 has no way to read the configured value yet.
 */
export const GEOFENCE_RADIUS_METERS = 300;

/** How much trail each drone draws behind it, ms of the hub's time. */
const TRAIL_MS = 60000;

/** How many steps the trail fades in. */
const TRAIL_BANDS = 8;

/** The smallest area the fleet view shows, m: a parked fleet is not drawn at absurd zoom. */
const MIN_FLEET_SPAN_METERS = 40;

/** How close (CSS px) a click must be to a drone to pick it. */
const PICK_RADIUS_PX = 22;

export class MapView {

	#canvas;

	#context;

	#focus = 'fleet';

	#zoom = 1;

	#view = null;

	#viewport = null;

	#origin = null;

	#shown = null;

	#onPick;

	#onPress;

	#onDrag;

	#dragging = false;

	#tiles = null;

	#onRedraw;

	#dragged = false;

	/**
	 * @param {HTMLCanvasElement} canvas
	 * @param {object} [options]
	 * @param {(pick: Pick) => void} [options.onPick] a click
	 * @param {(pick: Pick) => boolean} [options.onPress] a press: true when the page drags from there
	 * @param {(pick: Pick, done: boolean) => void} [options.onDrag] the pointer moved while dragging, or
	 * was released ({@code done})
	 * @param {() => void} [options.onRedraw] something arrived that is not in the model (a tile): draw again
	 * @typedef {{lat:number, lon:number, droneId: string|null, metersPerPixel: number}} Pick
	 */
	constructor(canvas, { onPick = () => {}, onPress = () => false, onDrag = () => {}, onRedraw = () => {} } = {}) {
		this.#canvas = canvas;
		this.#onRedraw = onRedraw;
		canvas.dataset.tiles = 'none';
		this.#context = canvas.getContext('2d');
		this.#onPick = onPick;
		this.#onPress = onPress;
		this.#onDrag = onDrag;
		canvas.addEventListener('click', (event) => {
			if (this.#dragged) {
				this.#dragged = false;
				return;
			}
			const pick = this.#pick(event);
			if (pick) {
				this.#onPick(pick);
			}
		});
		canvas.addEventListener('pointerdown', (event) => {
			const pick = this.#pick(event);
			if (pick && this.#onPress(pick)) {
				this.#dragging = true;
				this.#dragged = false;
				canvas.setPointerCapture?.(event.pointerId);
			}
		});
		canvas.addEventListener('pointermove', (event) => {
			const pick = this.#dragging && this.#pick(event);
			if (pick) {
				this.#dragged = true;
				this.#onDrag(pick, false);
			}
		});
		canvas.addEventListener('pointerup', (event) => {
			const pick = this.#dragging && this.#pick(event);
			this.#dragging = false;
			if (pick) {
				this.#onDrag(pick, true);
			}
		});
		canvas.addEventListener('wheel', (event) => {
			event.preventDefault();
			this.zoomBy(event.deltaY > 0 ? 1.2 : 1 / 1.2);
		}, { passive: false });
	}

	/**
	 * Draws map tiles under everything, from the hub's {@code GET /api/map}.
	 * @param {{tileUrl: string|null, attribution: string|null, maxZoom: number}} settings
	 */
	setTiles(settings) {
		this.#tiles = settings?.tileUrl ? new TileLayer(settings, () => this.#onRedraw()) : null;
		this.#onRedraw();
	}

	/** Shows the whole fleet ('fleet') or the whole geofence ('fence'); resets the zoom. */
	setFocus(focus) {
		this.#focus = focus;
		this.#zoom = 1;
	}

	/** Zooms out (factor > 1) or in (factor < 1). */
	zoomBy(factor) {
		this.#zoom = Math.min(20, Math.max(0.05, this.#zoom * factor));
	}

	/**
	 * Draws one frame.
	 * @param {object} model
	 * @param {object[]} model.drones latest states, id order
	 * @param {(id: string) => object[]} model.history kept samples per drone
	 * @param {string|null} model.selectedId
	 * @param {{lat:number, lon:number}|null} [model.target] a GOTO target to mark
	 * @param {{lat:number, lon:number}[]} [model.path] a recorded path, drawn faintly under the
	 * drones and kept in view (thin it first: it is drawn whole every frame)
	 * @param {{droneId:string, points:{lat:number, lon:number}[], current:number}[]} [model.routes] the
	 * drones' uploaded missions: the waypoints passed drawn faint, the one flown to ringed
	 * @param {{points:{lat:number, lon:number}[], selected:number}|null} [model.plan] a mission being
	 * planned, with numbered handles
	 * @returns {boolean} whether the view is still moving (draw again next frame)
	 */
	render({ drones, history, selectedId, target = null, path = [], routes = [], plan = null }) {
		const size = fitCanvas(this.#canvas, this.#context);
		const ctx = this.#context;
		ctx.clearRect(0, 0, size.width, size.height);
		this.#background(size);
		this.#shown = [];
		if (drones.length === 0) {
			this.#message(size, 'Waiting for the fleet…');
			return false;
		}
		const homes = drones.map((d) => d.home).filter(Boolean);
		this.#origin ??= centroid(homes.length ? homes : drones.map((d) => d.position));
		const origin = this.#origin;
		const route = path.map((point) => toLocal(origin, point));
		const planned = (plan?.points ?? []).map((point) => toLocal(origin, point));
		const missions = routes.map((r) => ({ ...r, local: r.points.map((point) => toLocal(origin, point)) }));
		const moving = this.#updateView(size, drones, homes, origin, route.concat(planned, ...missions.map((m) => m.local)));
		const view = this.#viewport;
		const tiles = this.#tiles?.draw(ctx, view, origin, size) ?? 'none';
		this.#canvas.dataset.tiles = tiles;
		this.#grid(size, view);
		const selected = drones.find((d) => d.droneId === selectedId) ?? drones[0];
		if (selected?.home) {
			this.#fence(view, toLocal(origin, selected.home));
		}
		this.#path(view, route, droneColour(Math.max(0, drones.indexOf(selected))));
		drones.forEach((drone, index) => {
			if (drone.home) {
				this.#home(view, toLocal(origin, drone.home), droneColour(index));
			}
		});
		for (const mission of missions) {
			const index = drones.findIndex((drone) => drone.droneId === mission.droneId);
			this.#route(view, mission.local, mission.current, droneColour(Math.max(0, index)));
		}
		if (plan) {
			this.#plan(view, planned, plan.selected);
		}
		drones.forEach((drone, index) => this.#trail(view, origin, history(drone.droneId), drone, droneColour(index)));
		if (target) {
			this.#target(view, toLocal(origin, target));
		}
		const labels = [];
		drones.forEach((drone, index) => {
			const local = toLocal(origin, drone.position);
			const at = view.toScreen(local.east, local.north);
			this.#shown.push({ droneId: drone.droneId, ...at });
			this.#drone(at, drone, droneColour(index), drone.droneId === selected?.droneId, labels);
		});
		this.#scaleBar(size, view);
		this.#north(size);
		this.#credits(size, tiles);
		return moving;
	}

	#updateView(size, drones, homes, origin, route) {
		let goal;
		if (this.#focus === 'fence') {
			const centre = toLocal(origin, centroid(homes.length ? homes : drones.map((d) => d.position)));
			goal = { ...centre, span: GEOFENCE_RADIUS_METERS * 2.2 };
		}
		else {
			const points = drones.map((d) => toLocal(origin, d.position)).concat(homes.map((h) => toLocal(origin, h)), route);
			goal = fitSpan(points, MIN_FLEET_SPAN_METERS, 0.2);
		}
		goal.span *= this.#zoom;
		const current = this.#view ?? goal;
		const ease = (from, to) => from + (to - from) * 0.2;
		const next = {
			east: ease(current.east, goal.east),
			north: ease(current.north, goal.north),
			span: ease(current.span, goal.span),
		};
		const settled = Math.abs(next.span - goal.span) < goal.span * 0.002
				&& Math.hypot(next.east - goal.east, next.north - goal.north) < goal.span * 0.002;
		this.#view = settled ? goal : next;
		this.#viewport = Viewport.fitting(size.width, size.height, this.#view, this.#view.span);
		return !settled;
	}

	#background({ width, height }) {
		const ctx = this.#context;
		const gradient = ctx.createRadialGradient(width / 2, height / 2, 0, width / 2, height / 2, Math.max(width, height) * 0.7);
		gradient.addColorStop(0, '#12202c');
		gradient.addColorStop(1, '#0a1118');
		ctx.fillStyle = gradient;
		ctx.fillRect(0, 0, width, height);
	}

	#message({ width, height }, text) {
		const ctx = this.#context;
		ctx.fillStyle = '#8fa3b3';
		ctx.font = '14px system-ui, sans-serif';
		ctx.textAlign = 'center';
		ctx.fillText(text, width / 2, height / 2);
	}

	#grid({ width, height }, view) {
		const ctx = this.#context;
		const step = niceScaleLength(view.metersPerPixel * Math.min(width, height) / 4);
		if (!(step > 0)) {
			return;
		}
		const topLeft = view.toLocal(0, 0);
		const bottomRight = view.toLocal(width, height);
		ctx.strokeStyle = 'rgba(120, 160, 190, 0.08)';
		ctx.lineWidth = 1;
		ctx.beginPath();
		for (let east = Math.ceil(topLeft.east / step) * step; east <= bottomRight.east; east += step) {
			const { x } = view.toScreen(east, 0);
			ctx.moveTo(Math.round(x) + 0.5, 0);
			ctx.lineTo(Math.round(x) + 0.5, height);
		}
		for (let north = Math.ceil(bottomRight.north / step) * step; north <= topLeft.north; north += step) {
			const { y } = view.toScreen(0, north);
			ctx.moveTo(0, Math.round(y) + 0.5);
			ctx.lineTo(width, Math.round(y) + 0.5);
		}
		ctx.stroke();
	}

	#fence(view, centre) {
		const ctx = this.#context;
		const at = view.toScreen(centre.east, centre.north);
		const radius = GEOFENCE_RADIUS_METERS / view.metersPerPixel;
		ctx.save();
		ctx.beginPath();
		ctx.arc(at.x, at.y, radius, 0, Math.PI * 2);
		ctx.fillStyle = 'rgba(79, 209, 197, 0.035)';
		ctx.fill();
		ctx.setLineDash([8, 6]);
		ctx.strokeStyle = 'rgba(246, 173, 85, 0.75)';
		ctx.lineWidth = 1.5;
		ctx.stroke();
		ctx.setLineDash([]);
		ctx.fillStyle = 'rgba(246, 173, 85, 0.9)';
		ctx.font = '11px system-ui, sans-serif';
		ctx.textAlign = 'center';
		ctx.fillText(`geofence ${formatDistance(GEOFENCE_RADIUS_METERS)}`, at.x, at.y - radius - 6);
		ctx.restore();
	}

	#home(view, local, colour) {
		const ctx = this.#context;
		const { x, y } = view.toScreen(local.east, local.north);
		ctx.save();
		ctx.strokeStyle = colour;
		ctx.globalAlpha = 0.7;
		ctx.lineWidth = 1.5;
		ctx.strokeRect(x - 5, y - 5, 10, 10);
		ctx.font = 'bold 8px system-ui, sans-serif';
		ctx.fillStyle = colour;
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		ctx.fillText('H', x, y + 0.5);
		ctx.restore();
	}

	#path(view, route, colour) {
		if (route.length < 2) {
			return;
		}
		const ctx = this.#context;
		ctx.save();
		ctx.strokeStyle = colour;
		ctx.globalAlpha = 0.45;
		ctx.lineWidth = 1.5;
		ctx.lineCap = 'round';
		ctx.lineJoin = 'round';
		ctx.setLineDash([5, 4]);
		ctx.beginPath();
		route.forEach((local, index) => {
			const { x, y } = view.toScreen(local.east, local.north);
			if (index === 0) {
				ctx.moveTo(x, y);
			}
			else {
				ctx.lineTo(x, y);
			}
		});
		ctx.stroke();
		ctx.restore();
	}

	#route(view, points, current, colour) {
		const ctx = this.#context;
		const screen = points.map((local) => view.toScreen(local.east, local.north));
		ctx.save();
		ctx.strokeStyle = colour;
		ctx.lineWidth = 2;
		ctx.lineJoin = 'round';
		for (let i = 1; i < screen.length; i++) {
			ctx.globalAlpha = (i <= current) ? 0.3 : 0.85;
			ctx.beginPath();
			ctx.moveTo(screen[i - 1].x, screen[i - 1].y);
			ctx.lineTo(screen[i].x, screen[i].y);
			ctx.stroke();
		}
		screen.forEach(({ x, y }, index) => {
			ctx.globalAlpha = (index < current) ? 0.4 : 1;
			this.#waypoint(x, y, index, colour, index === current ? '#faf089' : null);
		});
		ctx.restore();
	}

	#plan(view, points, selected) {
		const ctx = this.#context;
		const screen = points.map((local) => view.toScreen(local.east, local.north));
		ctx.save();
		ctx.strokeStyle = '#e2ebf2';
		ctx.lineWidth = 1.5;
		ctx.setLineDash([6, 4]);
		ctx.beginPath();
		screen.forEach(({ x, y }, index) => (index === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
		ctx.stroke();
		ctx.setLineDash([]);
		screen.forEach(({ x, y }, index) => this.#waypoint(x, y, index, '#e2ebf2', index === selected ? '#4fd1c5' : null));
		ctx.restore();
	}

	/** A numbered waypoint marker; {@code ring} marks the one flown to or selected. */
	#waypoint(x, y, index, colour, ring) {
		const ctx = this.#context;
		ctx.beginPath();
		ctx.arc(x, y, 8, 0, Math.PI * 2);
		ctx.fillStyle = '#0a1118';
		ctx.fill();
		ctx.lineWidth = 2;
		ctx.strokeStyle = colour;
		ctx.stroke();
		if (ring) {
			ctx.beginPath();
			ctx.arc(x, y, 12, 0, Math.PI * 2);
			ctx.strokeStyle = ring;
			ctx.stroke();
		}
		ctx.fillStyle = colour;
		ctx.font = 'bold 9px system-ui, sans-serif';
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		ctx.fillText(String(index + 1), x, y + 0.5);
	}

	#trail(view, origin, samples, drone, colour) {
		const ctx = this.#context;
		const newest = drone.timestamp;
		const points = [];
		for (const sample of samples) {
			if (newest - sample.t <= TRAIL_MS && Number.isFinite(sample.lat)) {
				const local = toLocal(origin, sample);
				points.push({ t: sample.t, ...view.toScreen(local.east, local.north) });
			}
		}
		const head = toLocal(origin, drone.position);
		points.push({ t: newest, ...view.toScreen(head.east, head.north) });
		ctx.save();
		ctx.strokeStyle = colour;
		ctx.lineWidth = 2;
		ctx.lineCap = 'round';
		ctx.lineJoin = 'round';
		// one path per age band rather than one per segment: the trail fades in steps
		let band = -1;
		for (let i = 1; i < points.length; i++) {
			const next = Math.min(TRAIL_BANDS - 1, Math.floor(((newest - points[i].t) / TRAIL_MS) * TRAIL_BANDS));
			if (next !== band) {
				if (band >= 0) {
					ctx.stroke();
				}
				band = next;
				ctx.globalAlpha = 0.75 * (1 - band / TRAIL_BANDS);
				ctx.beginPath();
				ctx.moveTo(points[i - 1].x, points[i - 1].y);
			}
			ctx.lineTo(points[i].x, points[i].y);
		}
		if (band >= 0) {
			ctx.stroke();
		}
		ctx.restore();
	}

	#target(view, local) {
		const ctx = this.#context;
		const { x, y } = view.toScreen(local.east, local.north);
		ctx.save();
		ctx.strokeStyle = '#faf089';
		ctx.lineWidth = 1.5;
		ctx.beginPath();
		ctx.arc(x, y, 9, 0, Math.PI * 2);
		ctx.moveTo(x - 14, y);
		ctx.lineTo(x + 14, y);
		ctx.moveTo(x, y - 14);
		ctx.lineTo(x, y + 14);
		ctx.stroke();
		ctx.restore();
	}

	#drone({ x, y }, drone, colour, selected, labels) {
		const ctx = this.#context;
		ctx.save();
		if (selected) {
			ctx.beginPath();
			ctx.arc(x, y, 16, 0, Math.PI * 2);
			ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
			ctx.lineWidth = 1.5;
			ctx.stroke();
		}
		if (drone.failsafe) {
			ctx.beginPath();
			ctx.arc(x, y, 20, 0, Math.PI * 2);
			ctx.strokeStyle = '#fc8181';
			ctx.lineWidth = 2;
			ctx.stroke();
		}
		ctx.translate(x, y);
		ctx.rotate((drone.heading ?? 0) * Math.PI / 180);
		ctx.beginPath();
		ctx.moveTo(0, -12);
		ctx.lineTo(8, 8);
		ctx.lineTo(0, 4);
		ctx.lineTo(-8, 8);
		ctx.closePath();
		ctx.fillStyle = drone.armed ? colour : '#0a1118';
		ctx.strokeStyle = colour;
		ctx.lineWidth = 2;
		ctx.fill();
		ctx.stroke();
		ctx.restore();
		ctx.save();
		ctx.font = '600 12px system-ui, sans-serif';
		ctx.textBaseline = 'middle';
		const label = `${drone.droneId} · ${Math.round(drone.position?.alt ?? 0)} m`;
		const box = placeLabel(labels, x, y, ctx.measureText(label).width);
		ctx.lineWidth = 3;
		ctx.strokeStyle = 'rgba(10, 17, 24, 0.9)';
		ctx.strokeText(label, box.x, box.y);
		ctx.fillStyle = '#e2ebf2';
		ctx.fillText(label, box.x, box.y);
		ctx.restore();
	}

	/** The tiles' attribution in the bottom-right corner, and a word in the top-left when they did not load. */
	#credits({ width, height }, tiles) {
		if (!this.#tiles) {
			return;
		}
		const ctx = this.#context;
		ctx.save();
		ctx.font = '11px system-ui, sans-serif';
		ctx.textBaseline = 'middle';
		const note = (text, x, y, align, colour) => {
			ctx.textAlign = align;
			const textWidth = ctx.measureText(text).width;
			ctx.fillStyle = 'rgba(10, 17, 24, 0.75)';
			ctx.fillRect(align === 'right' ? x - textWidth - 6 : x - 6, y - 9, textWidth + 12, 18);
			ctx.fillStyle = colour;
			ctx.fillText(text, x, y);
		};
		if (this.#tiles.attribution) {
			note(this.#tiles.attribution, width - 8, height - 12, 'right', '#c7d3dd');
		}
		if (tiles === 'failed') {
			note('Map tiles did not load: drawing without them', 14, 16, 'left', '#fbd38d');
		}
		ctx.restore();
	}

	#scaleBar({ width, height }, view) {
		const ctx = this.#context;
		const meters = niceScaleLength(view.metersPerPixel * Math.min(160, width * 0.35));
		if (!(meters > 0)) {
			return;
		}
		const pixels = meters / view.metersPerPixel;
		const x = 16;
		const y = height - 18;
		ctx.save();
		ctx.strokeStyle = '#e2ebf2';
		ctx.lineWidth = 2;
		ctx.beginPath();
		ctx.moveTo(x, y - 5);
		ctx.lineTo(x, y);
		ctx.lineTo(x + pixels, y);
		ctx.lineTo(x + pixels, y - 5);
		ctx.stroke();
		ctx.fillStyle = '#e2ebf2';
		ctx.font = '12px system-ui, sans-serif';
		ctx.textAlign = 'left';
		ctx.fillText(formatDistance(meters), x + 4, y - 8);
		ctx.restore();
	}

	#north({ width }) {
		const ctx = this.#context;
		const x = width - 24;
		const y = 28;
		ctx.save();
		ctx.fillStyle = '#e2ebf2';
		ctx.beginPath();
		ctx.moveTo(x, y - 12);
		ctx.lineTo(x + 6, y + 4);
		ctx.lineTo(x, y);
		ctx.lineTo(x - 6, y + 4);
		ctx.closePath();
		ctx.fill();
		ctx.font = 'bold 11px system-ui, sans-serif';
		ctx.textAlign = 'center';
		ctx.fillText('N', x, y + 16);
		ctx.restore();
	}

	/** What is under the pointer: where on the ground, and the drone near it if any. */
	#pick(event) {
		if (!this.#viewport || !this.#origin) {
			return null;
		}
		const rect = this.#canvas.getBoundingClientRect();
		const x = event.clientX - rect.left;
		const y = event.clientY - rect.top;
		let nearest = null;
		let nearestDistance = PICK_RADIUS_PX;
		for (const shown of this.#shown ?? []) {
			const distance = Math.hypot(shown.x - x, shown.y - y);
			if (distance <= nearestDistance) {
				nearest = shown.droneId;
				nearestDistance = distance;
			}
		}
		const local = this.#viewport.toLocal(x, y);
		const { lat, lon } = fromLocal(this.#origin, local.east, local.north);
		return { lat, lon, droneId: nearest, metersPerPixel: this.#viewport.metersPerPixel };
	}

}

/**
 * Where a drone's label goes: centred above the drone, else below, right or left of it,
 * whichever does not cover an earlier label. Returns the text's left and middle.
 */
function placeLabel(placed, x, y, width) {
	const height = 14;
	const candidates = [
		{ x: x - width / 2, y: y - 24 },
		{ x: x - width / 2, y: y + 26 },
		{ x: x + 20, y },
		{ x: x - 20 - width, y },
	];
	for (const candidate of candidates) {
		const box = { ...candidate, width, height };
		const clash = placed.some((other) => box.x < other.x + other.width && other.x < box.x + box.width
				&& Math.abs(box.y - other.y) < height);
		if (!clash) {
			placed.push(box);
			return box;
		}
	}
	const box = { ...candidates[0], width, height };
	placed.push(box);
	return box;
}
