// Connects to the hub's /foxglove endpoint with the Foxglove WebSocket protocol's own client
// (@foxglove/ws-protocol's FoxgloveClient, the class Lichtblick uses), subscribes to one drone's
// telemetry and location, and prints what it sees as JSON lines. Lines on stdin drive it:
// "unsubscribe" ends both subscriptions, "close" closes the connection.
// Usage: node client.mjs ws://localhost:8080/foxglove foxglove.websocket.v1 d1
import { createInterface } from "node:readline";
import protocol from "@foxglove/ws-protocol";
import WebSocket from "ws";

const { FoxgloveClient } = protocol;
const [url, subprotocol, drone] = process.argv.slice(2);
const print = (line) => console.log(JSON.stringify(line));
const ws = new WebSocket(url, [subprotocol]);
const client = new FoxgloveClient({ ws });
const topics = new Map();
const subscriptions = new Map();

ws.on("open", () => print({ event: "open", protocol: ws.protocol }));
client.on("serverInfo", (info) => print({ event: "serverInfo", name: info.name, sessionId: info.sessionId,
	capabilities: info.capabilities, supportedEncodings: info.supportedEncodings }));
client.on("status", (status) => print({ event: "status", level: status.level, message: status.message }));
client.on("error", (error) => print({ event: "error", message: String(error) }));
client.on("close", (event) => { print({ event: "close", code: event.code }); process.exit(0); });
client.on("advertise", (channels) => {
	const schemasParse = channels.every((channel) => {
		try {
			return typeof JSON.parse(channel.schema) === "object" && channel.schemaEncoding === "jsonschema"
				&& channel.encoding === "json";
		} catch {
			return false;
		}
	});
	channels.forEach((channel) => topics.set(channel.id, channel));
	print({ event: "advertise", topics: channels.map((channel) => channel.topic),
		schemaNames: channels.map((channel) => channel.schemaName), schemasParse });
	for (const channel of channels) {
		if (channel.topic === `/drones/${drone}/telemetry` || channel.topic === `/drones/${drone}/location`) {
			subscriptions.set(client.subscribe(channel.id), channel.topic);
			print({ event: "subscribed", topic: channel.topic });
		}
	}
});
client.on("message", ({ subscriptionId, timestamp, data }) => {
	const message = JSON.parse(new TextDecoder().decode(data));
	print({ event: "message", topic: subscriptions.get(subscriptionId), timestamp: String(timestamp),
		seq: message.seq, pilot: message.pilot, alt: message.position?.alt, latitude: message.latitude,
		altitude: message.altitude });
});
client.on("time", ({ timestamp }) => print({ event: "time", timestamp: String(timestamp) }));

createInterface({ input: process.stdin }).on("line", (line) => {
	if (line === "unsubscribe") {
		for (const id of subscriptions.keys()) {
			client.unsubscribe(id);
		}
		subscriptions.clear();
		// the protocol does not acknowledge an unsubscribe: an op the hub refuses, answered in
		// order after it, tells when it has been taken
		ws.send(JSON.stringify({ op: "barrier" }));
		print({ event: "unsubscribed" });
	} else if (line === "close") {
		client.close();
	}
});
