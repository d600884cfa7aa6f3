/**
 * Every frame that leaves for a WebSocket session: one ordered, non-blocking writer per
 * session, for Spring's frames and for the latest-wins frames it drains.
 */
@NullMarked
package io.dronehub.outbound;

import org.jspecify.annotations.NullMarked;
