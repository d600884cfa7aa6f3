package io.dronehub.cluster;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteTelemetryTests {

	private final BlockingQueue<List<DroneState>> handedOver = new LinkedBlockingQueue<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ExecutorService thread = Executors.newSingleThreadExecutor();

	private Set<String> simulatedHere = Set.of();

	private final RemoteTelemetry telemetry = new RemoteTelemetry(List.of("d1", "d2", "d3"),
			(droneId) -> this.simulatedHere.contains(droneId), this.handedOver::add, this.thread, this.meters);

	@AfterEach
	void close() {
		this.telemetry.close();
	}

	@Test
	void statesReachTheFanoutInFleetOrder() throws InterruptedException {
		this.telemetry.offer(List.of(state("d3", 7), state("d1", 4)));

		assertThat(next()).containsExactly(state("d1", 4), state("d3", 7));
		assertThat(conflated()).isZero();
	}

	@Test
	void aBusyFanoutGetsOnlyEachDronesNewestStateAndCountsTheRest() throws InterruptedException {
		CountDownLatch busy = new CountDownLatch(1);
		this.thread.execute(() -> await(busy));

		this.telemetry.offer(List.of(state("d1", 1), state("d2", 1)));
		this.telemetry.offer(List.of(state("d1", 2)));
		this.telemetry.offer(List.of(state("d1", 3), state("d2", 2)));
		busy.countDown();

		assertThat(next()).containsExactly(state("d1", 3), state("d2", 2));
		assertThat(conflated()).isEqualTo(3);
		assertThat(this.handedOver.poll(100, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void aStateOfADroneTakenOverMeanwhileIsNotHandedOver() throws InterruptedException {
		CountDownLatch busy = new CountDownLatch(1);
		this.thread.execute(() -> await(busy));

		this.telemetry.offer(List.of(state("d1", 9), state("d2", 9)));
		this.simulatedHere = Set.of("d1");
		busy.countDown();

		assertThat(next()).containsExactly(state("d2", 9));
	}

	@Test
	void statesOfferedAfterAHandOverComeInTheNext() throws InterruptedException {
		this.telemetry.offer(List.of(state("d1", 1)));
		assertThat(next()).containsExactly(state("d1", 1));

		this.telemetry.offer(List.of(state("d1", 2)));
		assertThat(next()).containsExactly(state("d1", 2));
	}

	@Test
	void nothingIsHandedOverOnceClosed() throws InterruptedException {
		this.telemetry.close();

		this.telemetry.offer(List.of(state("d1", 1)));

		assertThat(this.handedOver.poll(100, TimeUnit.MILLISECONDS)).isNull();
	}

	private List<DroneState> next() throws InterruptedException {
		List<DroneState> states = this.handedOver.poll(10, TimeUnit.SECONDS);
		assertThat(states).as("states handed to the fan-out").isNotNull();
		return states;
	}

	private double conflated() {
		return this.meters.get("hub.cluster.states.conflated").counter().count();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static DroneState state(String droneId, long seq) {
		return new DroneState(droneId, seq, seq * 100, FlightMode.HOLD, true, new Position(-22.95, -43.21, 10),
				new Velocity(0, 0, 0), 0, 0, new Battery(80, 16), new GeoPoint(-22.95, -43.21), null, null, null, null);
	}

}
