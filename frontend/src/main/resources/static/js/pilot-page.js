/**
 * The pilot console page (/pilot.html?drone=d1): the dashboard plus signing in, the pilot's
 * controls, missions, other pilots' requests for this pilot's drones, and the log of the hub's
 * replies.
 */
import { startPage } from './page.js';
import { PILOT } from './connection.js';
import { ControlPromptView } from './control-prompt-view.js';
import { Dashboard } from './dashboard.js';
import { MissionPanel } from './mission-panel.js';
import { MissionPlan } from './mission-plan.js';
import { PilotControls } from './pilot-controls.js';
import { ReplyLog } from './reply-log.js';
import { ReplyLogView } from './reply-log-view.js';
import { SignIn } from './sign-in.js';

const { store, connection } = startPage({ follow: PILOT });
const log = new ReplyLog();
new ReplyLogView(document, log);
new SignIn(document, { connection, say: (text, kind) => log.say(text, kind) });
let controls = null;
let missions = null;
const dashboard = new Dashboard(document, store, {
	droneId: new URLSearchParams(location.search).get('drone'),
	onMapPick: (pick) => missions?.mapPicked(pick) || controls?.mapPicked(pick),
	plan: () => missions?.drawn() ?? null,
	onMapPress: (pick) => missions?.mapPressed(pick) ?? false,
	onMapDrag: (pick) => missions?.mapDragged(pick),
});
controls = new PilotControls(document, { store, connection, dashboard, log });
missions = new MissionPanel(document, {
	store, dashboard, connection, plan: new MissionPlan(),
	send: (destination, body) => controls.send(destination, body),
	nextId: () => controls.nextId(),
	inControl: (droneId) => controls.inControl(droneId),
});
new ControlPromptView(document, { connection, store, answer: (droneId, requestId, grant) => controls.answer(droneId, requestId, grant) });
dashboard.start();
