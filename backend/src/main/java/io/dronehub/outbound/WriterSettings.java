package io.dronehub.outbound;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * How each {@link SessionWriter} writes to its session.
 *
 * @param batchFrames whether the frames pending for a session leave as one WebSocket
 * message (several STOMP frames back to back) rather than one message each
 * @param stallTimeout how long a write may make no progress before the session is closed
 * as too slow
 * @param maxPendingFrames how many bytes of frames that are never dropped may wait before
 * the session is closed as too slow
 */
public record WriterSettings(boolean batchFrames, Duration stallTimeout, DataSize maxPendingFrames) {
}
