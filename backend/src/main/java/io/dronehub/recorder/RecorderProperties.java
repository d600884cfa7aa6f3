package io.dronehub.recorder;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the flight recorder ({@code hub.recorder.*}); the database itself is
 * {@code spring.datasource.*}.
 *
 * @param enabled whether flights are recorded at all
 * @param queueCapacity how many ticks' states and events may wait for the database; what
 * arrives while it is full is dropped and counted
 * @param batchSize the most ticks written in one transaction
 * @param linger how long a batch waits for more ticks after its first: longer writes
 * fewer, larger transactions, and a {@code kill -9} loses more (with H2, up to about this
 * long plus 0.3 s at 200 ms, plus 0.7 s at 500 ms)
 * @param retention how long an ended flight is kept; older ones are deleted, checked once
 * a minute
 * @param maxStates the most telemetry states kept over all flights; beyond it the oldest
 * ended flights are deleted first
 */
@ConfigurationProperties("hub.recorder")
@Validated
public record RecorderProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("20000") @Min(100) @Max(10_000_000) int queueCapacity,
		@DefaultValue("500") @Min(1) @Max(100_000) int batchSize,
		@DefaultValue("200ms") @DurationMax(seconds = 1) Duration linger, @DefaultValue("30d") Duration retention,
		@DefaultValue("50000000") @Min(1000) long maxStates) {
}
