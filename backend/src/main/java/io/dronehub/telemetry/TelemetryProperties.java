package io.dronehub.telemetry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How telemetry and other frames reach each session.
 *
 * @param batchFrames whether the frames pending for a session leave as one WebSocket
 * message (several STOMP frames back to back, which STOMP clients parse) rather than one
 * message each
 * @param stallTimeout how long a write to a session may make no progress before the hub
 * closes that session as too slow
 * @param maxPendingFrames how many bytes of frames that are never dropped (replies,
 * errors, events) may wait for a session before the hub closes it as too slow
 * @param permessageDeflate whether to accept the permessage-deflate extension that
 * browsers offer; compressing every small frame for every session costs about three times
 * the CPU
 */
@ConfigurationProperties("hub.telemetry")
@Validated
public record TelemetryProperties(@DefaultValue("true") boolean batchFrames, @DefaultValue("5s") Duration stallTimeout,
		@DefaultValue("1MB") DataSize maxPendingFrames, @DefaultValue("false") boolean permessageDeflate) {
}
