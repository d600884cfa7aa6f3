// A service's view of the Drone Telemetry Hub, in Node with @stomp/stompjs: logs in, reads the
// fleet snapshot, follows one drone's telemetry, then as a pilot takes control, arms, takes off,
// flies a short mission to its first waypoint, lands, releases control and disconnects.
//
//   npm ci && node hub-client.mjs [url [user [password [drone]]]]
//
// Each argument may instead come from HUB_URL, HUB_USER, HUB_PASSWORD and HUB_DRONE.
// Exits with 0 when the drone took off and reached the mission's first waypoint, 1 otherwise.
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws'; // Node 22 has a global WebSocket; Node 18 and 20 need this one

const TIMEOUT_MS = 10_000;
const AIRBORNE_METERS = 2;
const METERS_PER_DEGREE = 111_195;

const [
  url = process.env.HUB_URL ?? 'ws://localhost:8080/ws',
  user = process.env.HUB_USER ?? 'pilot',
  password = process.env.HUB_PASSWORD ?? '',
  droneId = process.env.HUB_DRONE ?? 'd1',
] = process.argv.slice(2);
if (!password) {
  console.error('Usage: node hub-client.mjs [url [user [password [drone]]]] or HUB_PASSWORD=...');
  console.error('The hub logs its generated pilot password at start-up.');
  process.exit(2);
}

const client = new Client({
  webSocketFactory: () => new WebSocket(url),
  connectHeaders: { login: user, passcode: password },
  reconnectDelay: 0, // a script: report a failure instead of reconnecting
  heartbeatIncoming: 10_000,
  heartbeatOutgoing: 10_000,
});

/** Connects and resolves with the name the hub gave this session. */
function connect() {
  return new Promise((resolve, reject) => {
    client.onConnect = (frame) => resolve(frame.headers['user-name']);
    client.onStompError = (frame) => reject(new Error(frame.headers.message));
    client.onWebSocketClose = () => reject(new Error(`connection to ${url} closed`));
    client.activate();
  });
}

/** Subscribes and queues the JSON bodies; next(match) waits for the first that matches. */
function subscribe(destination) {
  const queue = [];
  let wake = () => {};
  const subscription = client.subscribe(destination, (message) => {
    queue.push(JSON.parse(message.body));
    wake();
  });
  async function next(match = () => true) {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      while (queue.length > 0) {
        const message = queue.shift();
        if (match(message)) return message;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`nothing from the hub in ${TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, remaining);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
  return { next, unsubscribe: () => subscription.unsubscribe() };
}

function describe(state) {
  return `${state.droneId} #${state.seq} ${state.mode} alt ${state.position.alt.toFixed(1)} m, ` +
    `${state.groundSpeed.toFixed(1)} m/s, heading ${state.heading.toFixed(0)}, ` +
    `battery ${state.battery.percent.toFixed(1)}%, pilot ${state.pilot ?? 'none'}`;
}

let commands = 0;

/** Sends a request and waits for its reply, matched by its commandId; true if accepted. */
async function request(replies, destination, name, body) {
  const commandId = `c-${++commands}`;
  client.publish({ destination, body: JSON.stringify({ ...body, commandId }),
    headers: { 'content-type': 'application/json' } });
  const reply = await replies.next((candidate) => candidate.commandId === commandId);
  const accepted = reply.status === 'ACCEPTED';
  console.log(accepted ? `${name} accepted` : `${name} rejected: ${reply.code} (${reply.reason})`);
  return accepted;
}

/** Everything after logging in; true once the drone took off. */
async function fly() {
  // Answered at once, once, with every drone's latest state
  const snapshot = subscribe('/app/fleet');
  const drones = await snapshot.next();
  snapshot.unsubscribe();
  console.log(`Fleet snapshot: ${drones.length} drones`);
  drones.forEach((drone) => console.log(`  ${describe(drone)}`));

  const telemetry = subscribe(`/topic/drones/${droneId}/telemetry`);
  console.log(`Following ${droneId}'s telemetry`);
  for (let i = 0; i < 3; i++) {
    console.log(`  ${describe(await telemetry.next())}`);
  }

  const replies = subscribe('/user/queue/replies');
  client.subscribe('/user/queue/errors', (message) => {
    const error = JSON.parse(message.body);
    console.log(`Error: ${error.error}: ${error.message}`);
  });
  const inControl = await request(replies, '/app/control', 'ACQUIRE', { droneId, action: 'ACQUIRE' });
  const flying = inControl && await request(replies, '/app/command', 'ARM', { droneId, type: 'ARM' }) &&
    await request(replies, '/app/command', 'TAKEOFF', { droneId, type: 'TAKEOFF', altitude: 10 });
  let reached = false;
  if (flying) {
    const climbing = await telemetry.next((state) => state.position.alt >= AIRBORNE_METERS);
    console.log(`  ${describe(climbing)}`);
    reached = await flyMission(replies, telemetry, climbing.home);
    await request(replies, '/app/command', 'LAND', { droneId, type: 'LAND' });
  }
  if (inControl) {
    await request(replies, '/app/control', 'RELEASE', { droneId, action: 'RELEASE' });
  }

  await client.deactivate(); // DISCONNECT, and waits for the hub's receipt
  console.log('Disconnected');
  return flying && reached;
}

/** Uploads two waypoints north and north-east of home at 10 m, starts them, waits for the first. */
async function flyMission(replies, telemetry, home) {
  const north = 10 / METERS_PER_DEGREE;
  const east = 10 / (METERS_PER_DEGREE * Math.cos(home.lat * Math.PI / 180));
  const items = [
    { lat: home.lat + north, lon: home.lon, altitude: 10 },
    { lat: home.lat + north, lon: home.lon + east, altitude: 10, speed: 3, holdS: 2 },
  ];
  const started = await request(replies, '/app/mission', 'MISSION UPLOAD',
    { droneId, missionId: 'example', items, finish: 'HOLD' }) &&
    await request(replies, '/app/mission', 'MISSION START', { droneId, action: 'START' });
  if (!started) return false;
  const { mission } = await telemetry.next((state) => state.mission?.current >= 1);
  console.log(`Mission ${mission.missionId}: reached waypoint 1 of ${mission.total}`);
  return true;
}

console.log(`Connecting to ${url} as ${user}`);
try {
  console.log(`Connected as ${await connect()}`);
} catch (failure) {
  console.log(`Could not connect: ${failure.message}`);
  process.exit(1);
}
client.onWebSocketClose = () => {};
try {
  process.exit((await fly()) ? 0 : 1);
} catch (failure) {
  console.log(`Failed: ${failure.message}`);
  process.exit(1);
}
