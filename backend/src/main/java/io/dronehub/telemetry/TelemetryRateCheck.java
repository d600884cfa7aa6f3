package io.dronehub.telemetry;

import io.dronehub.contract.ErrorCode;
import io.dronehub.contract.ErrorMessage;
import io.dronehub.contract.SubscribeCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.simp.stomp.StompHeaderAccessor;

/**
 * Refuses a subscription to a telemetry topic whose {@value SubscriptionRate#HEADER}
 * header is not a rate the hub can keep: a number from {@value SubscriptionRate#MIN_HZ}
 * to the simulation's rate. Other destinations' headers are not its business.
 */
final class TelemetryRateCheck implements SubscribeCheck {

	private final int simulationRateHz;

	TelemetryRateCheck(int simulationRateHz) {
		this.simulationRateHz = simulationRateHz;
	}

	@Override
	public @Nullable ErrorMessage check(StompHeaderAccessor subscribe) {
		String destination = subscribe.getDestination();
		if (destination == null || !TelemetrySubscriptionInterceptor.isTelemetry(destination)) {
			return null;
		}
		try {
			SubscriptionRate.of(subscribe.getFirstNativeHeader(SubscriptionRate.HEADER), this.simulationRateHz);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return new ErrorMessage(ErrorCode.INVALID_FIELD, ex.getMessage());
		}
	}

}
