package io.dronehub;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives a hub a {@link SteppingClock} in place of the system clock, so that telemetry
 * timestamps and everything else timed by the hub's clock move only when a test moves it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SteppingClockConfiguration {

	@Bean
	@Primary
	SteppingClock steppingClock() {
		return new SteppingClock(Instant.now());
	}

}
