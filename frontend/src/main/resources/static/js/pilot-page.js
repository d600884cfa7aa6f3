/**
 * The pilot console page (/pilot.html?drone=d1): the dashboard plus signing in, the pilot's
 * controls, other pilots' requests for this pilot's drones, and the log of the hub's replies.
 */
import { startPage } from './page.js';
import { PILOT } from './connection.js';
import { ControlPromptView } from './control-prompt-view.js';
import { Dashboard } from './dashboard.js';
import { PilotControls } from './pilot-controls.js';
import { ReplyLog } from './reply-log.js';
import { ReplyLogView } from './reply-log-view.js';
import { SignIn } from './sign-in.js';

const { store, connection } = startPage({ follow: PILOT });
const log = new ReplyLog();
new ReplyLogView(document, log);
new SignIn(document, { connection, say: (text, kind) => log.say(text, kind) });
let controls = null;
const dashboard = new Dashboard(document, store, {
	droneId: new URLSearchParams(location.search).get('drone'),
	onMapPick: (pick) => controls?.mapPicked(pick),
});
controls = new PilotControls(document, { store, connection, dashboard, log });
new ControlPromptView(document, { connection, store, answer: (droneId, requestId, grant) => controls.answer(droneId, requestId, grant) });
dashboard.start();
