#!/usr/bin/env python3
"""A service's view of the Drone Telemetry Hub, in Python with websocket-client.

Logs in, reads the fleet snapshot, follows one drone's telemetry, then as a pilot takes
control, arms, takes off, flies a short mission to its first waypoint, lands, releases control
and disconnects. The few STOMP 1.2 frames it
needs are written out below, so the only dependency is websocket-client (Debian:
apt-get install python3-websocket).

    hub_client.py [url [user [password [drone]]]]

Each argument may instead come from HUB_URL, HUB_USER, HUB_PASSWORD and HUB_DRONE.
Exits with 0 when the drone took off and reached the mission's first waypoint, 1 otherwise.
"""

import json
import math
import os
import sys
import time
from collections import deque

import websocket

TIMEOUT_SECONDS = 10
AIRBORNE_METERS = 2
METERS_PER_DEGREE = 111_195


class Stomp:
    """One STOMP session over a WebSocket; messages are queued per subscription."""

    def __init__(self, url, user, password):
        self.ws = websocket.create_connection(url, timeout=TIMEOUT_SECONDS)
        self.buffer = ""
        self.queues = {}
        self.handlers = {}
        # No heart-beats: this client only reads while it waits for something.
        self.send("CONNECT", {"accept-version": "1.2", "host": "localhost", "login": user,
                              "passcode": password, "heart-beat": "0,0"})
        command, headers, _ = self.frame()
        if command != "CONNECTED":
            raise ConnectionError(headers.get("message", command))
        self.user_name = headers.get("user-name")

    def send(self, command, headers, body=""):
        encode = str if command == "CONNECT" else escape  # STOMP 1.2 escapes no CONNECT header
        lines = [command] + [f"{encode(k)}:{encode(str(v))}" for k, v in headers.items()]
        self.ws.send("\n".join(lines) + "\n\n" + body + "\0")

    def frame(self):
        """The next frame: (command, headers, body). One WebSocket message may hold several."""
        while "\0" not in self.buffer.lstrip("\r\n"):
            try:
                self.buffer += self.ws.recv()
            except websocket.WebSocketTimeoutException:
                raise TimeoutError(f"nothing from the hub in {TIMEOUT_SECONDS} s") from None
        text, _, self.buffer = self.buffer.lstrip("\r\n").partition("\0")  # newlines are heart-beats
        head, _, body = text.partition("\n\n")
        command, *lines = head.replace("\r\n", "\n").split("\n")
        decode = str if command == "CONNECTED" else unescape
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers.setdefault(decode(name), decode(value))  # the first of repeated headers wins
        return command, headers, body

    def subscribe(self, destination, handler=None):
        """Subscribes; messages go to the handler, or else are queued for next()."""
        subscription = f"sub-{len(self.queues)}"
        self.queues[subscription] = deque()
        if handler:
            self.handlers[subscription] = handler
        self.send("SUBSCRIBE", {"id": subscription, "destination": destination})
        return subscription

    def unsubscribe(self, subscription):
        self.send("UNSUBSCRIBE", {"id": subscription})

    def publish(self, destination, payload):
        self.send("SEND", {"destination": destination, "content-type": "application/json"}, json.dumps(payload))

    def next(self, subscription, match=lambda message: True):
        """Waits for the first message of a subscription that matches, dropping those before it."""
        queue = self.queues[subscription]
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            while queue:
                message = queue.popleft()
                if match(message):
                    return message
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing from the hub in {TIMEOUT_SECONDS} s")
            command, headers, body = self.frame()
            if command == "ERROR":
                raise ConnectionError(headers.get("message", "ERROR"))
            subscription = headers.get("subscription")
            if command == "MESSAGE" and subscription in self.handlers:
                self.handlers[subscription](json.loads(body))
            elif command == "MESSAGE" and subscription in self.queues:
                self.queues[subscription].append(json.loads(body))

    def disconnect(self):
        """Sends DISCONNECT and waits for its receipt, so every frame sent before was handled."""
        self.send("DISCONNECT", {"receipt": "bye"})
        while self.frame()[0] != "RECEIPT":
            pass
        self.ws.close()


def escape(text):
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c")


def unescape(text):
    replacements = {"\\\\": "\\", "\\r": "\r", "\\n": "\n", "\\c": ":"}
    result, i = [], 0
    while i < len(text):
        pair = text[i:i + 2]
        result.append(replacements.get(pair, text[i]))
        i += 2 if pair in replacements else 1
    return "".join(result)


def describe(state):
    return (f"{state['droneId']} #{state['seq']} {state['mode']} alt {state['position']['alt']:.1f} m, "
            f"{state['groundSpeed']:.1f} m/s, heading {state['heading']:.0f}, "
            f"battery {state['battery']['percent']:.1f}%, pilot {state['pilot'] or 'none'}")


class Pilot:
    """Sends requests and waits for each one's reply, matched by its commandId."""

    def __init__(self, hub):
        self.hub = hub
        self.replies = hub.subscribe("/user/queue/replies")
        hub.subscribe("/user/queue/errors", lambda error: print(f"Error: {error['error']}: {error['message']}"))
        self.commands = 0

    def request(self, destination, name, body):
        self.commands += 1
        command_id = f"c-{self.commands}"
        self.hub.publish(destination, {**body, "commandId": command_id})
        reply = self.hub.next(self.replies, lambda candidate: candidate["commandId"] == command_id)
        accepted = reply["status"] == "ACCEPTED"
        print(f"{name} accepted" if accepted else f"{name} rejected: {reply['code']} ({reply['reason']})")
        return accepted


def fly_mission(hub, pilot, telemetry, drone_id, home):
    """Uploads two waypoints north and north-east of home at 10 m, starts them, waits for the first."""
    north = 10 / METERS_PER_DEGREE
    east = 10 / (METERS_PER_DEGREE * math.cos(math.radians(home["lat"])))
    items = [
        {"lat": home["lat"] + north, "lon": home["lon"], "altitude": 10},
        {"lat": home["lat"] + north, "lon": home["lon"] + east, "altitude": 10, "speed": 3, "holdS": 2},
    ]
    started = (pilot.request("/app/mission", "MISSION UPLOAD",
                             {"droneId": drone_id, "missionId": "example", "items": items, "finish": "HOLD"})
               and pilot.request("/app/mission", "MISSION START", {"droneId": drone_id, "action": "START"}))
    if not started:
        return False
    mission = hub.next(telemetry, lambda state: (state.get("mission") or {}).get("current", 0) >= 1)["mission"]
    print(f"Mission {mission['missionId']}: reached waypoint 1 of {mission['total']}")
    return True


def setting(index, variable, default):
    if len(sys.argv) > index:
        return sys.argv[index]
    return os.environ.get(variable, default)


def main():
    sys.stdout.reconfigure(line_buffering=True)  # each line as it happens, into a pipe too
    url = setting(1, "HUB_URL", "ws://localhost:8080/ws")
    user = setting(2, "HUB_USER", "pilot")
    password = setting(3, "HUB_PASSWORD", "")
    drone_id = setting(4, "HUB_DRONE", "d1")
    if not password:
        print("Usage: hub_client.py [url [user [password [drone]]]] or HUB_PASSWORD=...", file=sys.stderr)
        print("The hub logs its generated pilot password at start-up.", file=sys.stderr)
        return 2

    print(f"Connecting to {url} as {user}")
    try:
        hub = Stomp(url, user, password)
    except (OSError, websocket.WebSocketException) as failure:
        print(f"Could not connect: {failure}")
        return 1
    print(f"Connected as {hub.user_name}")

    # Answered at once, once, with every drone's latest state
    snapshot = hub.subscribe("/app/fleet")
    drones = hub.next(snapshot)
    hub.unsubscribe(snapshot)
    print(f"Fleet snapshot: {len(drones)} drones")
    for drone in drones:
        print(f"  {describe(drone)}")

    telemetry = hub.subscribe(f"/topic/drones/{drone_id}/telemetry")
    print(f"Following {drone_id}'s telemetry")
    for _ in range(3):
        print(f"  {describe(hub.next(telemetry))}")

    pilot = Pilot(hub)
    in_control = pilot.request("/app/control", "ACQUIRE", {"droneId": drone_id, "action": "ACQUIRE"})
    flying = (in_control and pilot.request("/app/command", "ARM", {"droneId": drone_id, "type": "ARM"})
              and pilot.request("/app/command", "TAKEOFF", {"droneId": drone_id, "type": "TAKEOFF", "altitude": 10}))
    reached = False
    if flying:
        climbing = hub.next(telemetry, lambda state: state["position"]["alt"] >= AIRBORNE_METERS)
        print(f"  {describe(climbing)}")
        reached = fly_mission(hub, pilot, telemetry, drone_id, climbing["home"])
        pilot.request("/app/command", "LAND", {"droneId": drone_id, "type": "LAND"})
    if in_control:
        pilot.request("/app/control", "RELEASE", {"droneId": drone_id, "action": "RELEASE"})

    hub.disconnect()
    print("Disconnected")
    return 0 if flying and reached else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, websocket.WebSocketException) as failure:
        print(f"Failed: {failure}")
        sys.exit(1)
