import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tileColumn, tileCorner, tileRow, tilesCovering, tileUrl, tileZoom } from '../../main/resources/static/js/tiles.js';

describe('tiles', () => {
	it('numbers tiles as the web-mercator {z}/{x}/{y} scheme does', () => {
		// the tile of the fleet's default home in Rio de Janeiro at zoom 17
		assert.equal(tileColumn(-43.2105, 17), 49803);
		assert.equal(tileRow(-22.9519, 17), 74125);
		assert.equal(tileColumn(-180, 0), 0);
		assert.equal(tileRow(0, 1), 1);
		const corner = tileCorner(49803, 74125, 17);
		assert.ok(corner.lat > -22.9519 && corner.lon < -43.2105, 'the north-west corner');
		assert.ok(Math.abs(tileCorner(0, 0, 0).lat - 85.0511) < 1e-3);
		assert.equal(tileUrl('https://t.example/{z}/{x}/{y}.png', 3, 4, 5), 'https://t.example/3/4/5.png');
	});

	it('picks the zoom whose tiles match the view\u2019s scale, within the source\u2019s levels', () => {
		// 256 px of a zoom-17 tile cover about 280 m at this latitude
		assert.equal(tileZoom(1.1, -22.95, 19), 17);
		assert.equal(tileZoom(0.05, -22.95, 19), 19);
		assert.equal(tileZoom(0.05, -22.95, 16), 16);
		assert.equal(tileZoom(1e6, 0, 19), 0);
	});

	it('lists the tiles covering a box, and none when too many would be needed', () => {
		const box = { north: -22.95, south: -22.955, west: -43.215, east: -43.205 };
		const tiles = tilesCovering(box, 17);
		assert.equal(tiles.length, 5 * 3, "1 km by 0.55 km: five columns and three rows of 0.28 km tiles");
		assert.ok(tiles.every((tile) => tile.zoom === 17));
		assert.deepEqual(tilesCovering({ north: 60, south: -60, west: -170, east: 170 }, 10), []);
	});
});
