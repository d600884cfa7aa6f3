/**
 * The drone simulator: flight modes, kinematics, battery, geofence and failsafes. Plain
 * Java, owned by one simulation thread, with no knowledge of STOMP or WebSocket.
 */
@NullMarked
package io.dronehub.flight;

import org.jspecify.annotations.NullMarked;
