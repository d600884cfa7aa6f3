package io.dronehub.replay;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and pacing of flight replays over STOMP ({@code hub.replay.*}), which exist
 * while the flight recorder is enabled.
 *
 * @param maxPerSession the most replays one session may have at once, playing or paused;
 * a PLAY of another flight beyond it is rejected with {@code BUSY}
 * @param maxTotal the most replays the hub runs at once over all sessions; a PLAY beyond
 * it is rejected with {@code BUSY}
 * @param step how often every replay sends the states that have come due, 5 ms to 1 s
 */
@ConfigurationProperties("hub.replay")
@Validated
public record ReplayProperties(@DefaultValue("3") @Min(1) @Max(100) int maxPerSession,
		@DefaultValue("100") @Min(1) @Max(10_000) int maxTotal,
		@DefaultValue("25ms") @DurationMin(millis = 5) @DurationMax(seconds = 1) Duration step) {
}
