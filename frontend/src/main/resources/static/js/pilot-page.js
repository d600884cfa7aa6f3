/**
 * The pilot console page (/pilot.html?drone=d1): the dashboard plus the pilot's controls.
 */
import { startPage } from './page.js';
import { Dashboard } from './dashboard.js';
import { PilotControls } from './pilot-controls.js';

const { store, connection } = startPage();
let controls = null;
const dashboard = new Dashboard(document, store, {
	droneId: new URLSearchParams(location.search).get('drone'),
	onMapPick: (pick) => controls?.mapPicked(pick),
});
controls = new PilotControls(document, { store, connection, dashboard });
dashboard.start();
