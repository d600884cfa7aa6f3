package io.dronehub.telemetry;

import io.dronehub.contract.ErrorCode;
import io.dronehub.contract.ErrorMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryRateCheckTests {

	private final TelemetryRateCheck check = new TelemetryRateCheck(10);

	@Test
	void aTelemetrySubscriptionWithARateOutOfRangeIsRefusedSayingTheRange() {
		ErrorMessage refusal = this.check.check(subscribe("/topic/drones/d1/telemetry", "11"));

		assertThat(refusal).isNotNull();
		assertThat(refusal.error()).isEqualTo(ErrorCode.INVALID_FIELD);
		assertThat(refusal.message())
			.isEqualTo("rate-hz must be a number from 0.1 to 10 (the simulation's rate), not '11'");
		assertThat(this.check.check(subscribe("/topic/telemetry", "slow"))).isNotNull();
	}

	@Test
	void aRateInRangeNoRateAndOtherDestinationsPass() {
		assertThat(this.check.check(subscribe("/topic/telemetry", "0.1"))).isNull();
		assertThat(this.check.check(subscribe("/topic/drones/d7/telemetry", null))).isNull();
		assertThat(this.check.check(subscribe("/topic/events", "999"))).isNull();
	}

	private static StompHeaderAccessor subscribe(String destination, @Nullable String rateHz) {
		StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		subscribe.setDestination(destination);
		subscribe.setSubscriptionId("sub-0");
		if (rateHz != null) {
			subscribe.addNativeHeader(SubscriptionRate.HEADER, rateHz);
		}
		return subscribe;
	}

}
