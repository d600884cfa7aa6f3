/**
 * Replays of recorded flights over STOMP: each to the session that asked for it alone,
 * paced by the hub's clock, read from the flight recorder's database a page at a time.
 */
@NullMarked
package io.dronehub.replay;

import org.jspecify.annotations.NullMarked;
