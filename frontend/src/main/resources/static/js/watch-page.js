/**
 * The spectator dashboard page (/watch.html?drone=d1): connects, feeds the store, draws.
 */
import { startPage } from './page.js';
import { Dashboard } from './dashboard.js';

const { store } = startPage();
const dashboard = new Dashboard(document, store, { droneId: new URLSearchParams(location.search).get('drone') });
dashboard.start();
