/**
 * The background map's tiles: web-mercator tile maths (which tiles cover the view at which
 * zoom, and where each one's corners are) and a layer that loads tile images once, keeps them,
 * and draws those it has under the map's overlays.
 */
import { fromLocal, toLocal } from './geo.js';

const RADIANS = Math.PI / 180;

/** The equator's length in the web-mercator projection, m. */
const EQUATOR_METERS = 40075016.686;

/** A tile's width and height, px. */
const TILE_PX = 256;

/** The most tiles one view draws. */
const MAX_TILES = 64;

/** The most tile images kept. */
const MAX_CACHED = 256;

/** How long a tile that did not load is left before it is asked for again, ms. */
const RETRY_MS = 30_000;

/** The zoom level whose tiles show the ground at about {@code metersPerPixel} at latitude {@code lat}. */
export function tileZoom(metersPerPixel, lat, maxZoom) {
	const zoom = Math.round(Math.log2(EQUATOR_METERS * Math.cos(lat * RADIANS) / (TILE_PX * metersPerPixel)));
	return Math.max(0, Math.min(maxZoom, zoom));
}

/** The column of the tile at a longitude. */
export function tileColumn(lon, zoom) {
	return Math.floor(((lon + 180) / 360) * 2 ** zoom);
}

/** The row of the tile at a latitude (0 at the north). */
export function tileRow(lat, zoom) {
	const phi = lat * RADIANS;
	return Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * 2 ** zoom);
}

/** The north-west corner of a tile. */
export function tileCorner(column, row, zoom) {
	const n = Math.PI - (2 * Math.PI * row) / 2 ** zoom;
	return { lat: Math.atan(Math.sinh(n)) / RADIANS, lon: (column / 2 ** zoom) * 360 - 180 };
}

/** A tile's URL from an {z}/{x}/{y} template. */
export function tileUrl(template, zoom, column, row) {
	return template.replaceAll('{z}', String(zoom)).replaceAll('{x}', String(column)).replaceAll('{y}', String(row));
}

/**
 * The tiles that cover a box, at most {@code limit} of them (none when more would be needed).
 * @param {{north:number, south:number, west:number, east:number}} box degrees
 * @returns {{zoom:number, column:number, row:number}[]}
 */
export function tilesCovering(box, zoom, limit = MAX_TILES) {
	const last = 2 ** zoom - 1;
	const clamp = (value) => Math.max(0, Math.min(last, value));
	const west = clamp(tileColumn(box.west, zoom));
	const east = clamp(tileColumn(box.east, zoom));
	const north = clamp(tileRow(box.north, zoom));
	const south = clamp(tileRow(box.south, zoom));
	if ((east - west + 1) * (south - north + 1) > limit) {
		return [];
	}
	const tiles = [];
	for (let row = north; row <= south; row++) {
		for (let column = west; column <= east; column++) {
			tiles.push({ zoom, column, row });
		}
	}
	return tiles;
}

export class TileLayer {

	#template;

	#maxZoom;

	#onLoad;

	#images = new Map();

	/** The tiles' attribution, or null. */
	attribution;

	/**
	 * @param {{tileUrl: string, attribution: string|null, maxZoom: number}} settings from {@code GET /api/map}
	 * @param {() => void} onLoad a tile loaded or failed: the map should be drawn again
	 */
	constructor({ tileUrl: template, attribution, maxZoom }, onLoad) {
		this.#template = template;
		this.#maxZoom = maxZoom;
		this.attribution = attribution ?? null;
		this.#onLoad = onLoad;
	}

	/**
	 * Draws the tiles it has that cover the view.
	 * @param {CanvasRenderingContext2D} context
	 * @param {import('./geo.js').Viewport} view
	 * @param {{lat:number, lon:number}} origin of the view's local frame
	 * @param {{width:number, height:number}} size
	 * @returns {'shown'|'loading'|'failed'} whether every tile of the view is drawn, some still load,
	 * or some did not load
	 */
	draw(context, view, origin, { width, height }) {
		const corner = (x, y) => {
			const local = view.toLocal(x, y);
			return fromLocal(origin, local.east, local.north);
		};
		const topLeft = corner(0, 0);
		const bottomRight = corner(width, height);
		const zoom = tileZoom(view.metersPerPixel, origin.lat, this.#maxZoom);
		const box = { north: topLeft.lat, west: topLeft.lon, south: bottomRight.lat, east: bottomRight.lon };
		let status = 'shown';
		for (const { column, row } of tilesCovering(box, zoom)) {
			const image = this.#image(zoom, column, row);
			if (image.state === 'failed') {
				status = 'failed';
				continue;
			}
			if (image.state === 'loading') {
				status = (status === 'failed') ? status : 'loading';
				continue;
			}
			const northWest = toLocal(origin, tileCorner(column, row, zoom));
			const southEast = toLocal(origin, tileCorner(column + 1, row + 1, zoom));
			const from = view.toScreen(northWest.east, northWest.north);
			const to = view.toScreen(southEast.east, southEast.north);
			context.drawImage(image.element, from.x, from.y, to.x - from.x, to.y - from.y);
		}
		return status;
	}

	#image(zoom, column, row) {
		const url = tileUrl(this.#template, zoom, column, row);
		let image = this.#images.get(url);
		if (image?.state === 'failed' && Date.now() - image.failedAt > RETRY_MS) {
			this.#images.delete(url);
			image = undefined;
		}
		if (!image) {
			if (this.#images.size >= MAX_CACHED) {
				this.#images.delete(this.#images.keys().next().value);
			}
			const element = new Image();
			image = { element, state: 'loading' };
			element.onload = () => {
				image.state = 'loaded';
				this.#onLoad();
			};
			element.onerror = () => {
				image.state = 'failed';
				image.failedAt = Date.now();
				this.#onLoad();
			};
			element.src = url;
			this.#images.set(url, image);
		}
		return image;
	}

}
