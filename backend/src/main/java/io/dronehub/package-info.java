/**
 * Drone telemetry hub: a simulated fleet flown over STOMP/WebSocket by one pilot per
 * drone while any number of spectators watch.
 */
@NullMarked
package io.dronehub;

import org.jspecify.annotations.NullMarked;
