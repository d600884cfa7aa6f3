package io.dronehub.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import io.dronehub.recorder.Flight;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A replay's pacing and frames, stepped with times chosen by the test: a flight of one
 * state every 100 ms, replayed at various speeds, paused, stopped and to its end.
 */
class ReplayTests {

	private static final long STARTED_AT = 1_763_900_000_000L;

	private static final long FIRST_SEQ = 500;

	/** When the replay starts, on the hub's clock. */
	private static final long NOW = 2_000_000_000_000L;

	private final List<Long> reads = new ArrayList<>();

	@Test
	void theFirstFrameIsPlayingWithTheStateAtTheStart() {
		Replay replay = replay(flight(60), 1, 0);

		assertThat(replay.start(NOW)).extracting(ReplayFrame::status, ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(ReplayStatus.PLAYING, 0L, List.of(FIRST_SEQ)));
	}

	@Test
	void statesComeInRecordedOrderWhenTheClockReachesThem() {
		Replay replay = replay(flight(60), 1, 0);
		replay.start(NOW);

		assertThat(replay.step(NOW + 250)).extracting(ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(250L, List.of(FIRST_SEQ + 1, FIRST_SEQ + 2)));
		assertThat(replay.step(NOW + 299)).as("nothing came due").isEmpty();
		assertThat(replay.step(NOW + 300)).extracting(ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(300L, List.of(FIRST_SEQ + 3)));
		assertThat(replay.step(NOW + 300)).isEmpty();
	}

	@Test
	void atSpeedFourASecondPlaysFourSecondsOfTheFlightTenStatesAFrameAtMost() {
		Replay replay = replay(flight(60), 4, 0);
		replay.start(NOW);

		List<ReplayFrame> frames = replay.step(NOW + 1000);

		assertThat(frames).extracting(ReplayFrame::status).containsOnly(ReplayStatus.PLAYING);
		assertThat(frames).extracting((frame) -> frame.states().size()).containsExactly(10, 10, 10, 10);
		assertThat(frames).extracting(ReplayFrame::positionMs).containsExactly(1000L, 2000L, 3000L, 4000L);
		assertThat(frames.stream().flatMap((frame) -> seqs(frame).stream()))
			.containsExactlyElementsOf(LongStream.rangeClosed(FIRST_SEQ + 1, FIRST_SEQ + 40).boxed().toList());
		assertThat(frames.get(0).durationMs()).isEqualTo(5900);
	}

	@Test
	void atAQuarterOfTheSpeedASecondPlaysAQuarterOfASecond() {
		Replay replay = replay(flight(60), 0.25, 0);
		replay.start(NOW);

		assertThat(replay.step(NOW + 1000)).extracting(ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(250L, List.of(FIRST_SEQ + 1, FIRST_SEQ + 2)));
		assertThat(replay.step(NOW + 1199)).isEmpty();
		assertThat(replay.step(NOW + 1200)).extracting(ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(300L, List.of(FIRST_SEQ + 3)));
	}

	@Test
	void anOffsetStartsThatFarIntoTheFlight() {
		Replay replay = replay(flight(60), 2, 2050);

		assertThat(replay.start(NOW)).extracting(ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(2050L, List.of()));
		assertThat(replay.step(NOW + 100)).extracting(ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(2250L, List.of(FIRST_SEQ + 21, FIRST_SEQ + 22)));
	}

	@Test
	void pausedTimeDoesNotCount() {
		Replay replay = replay(flight(60), 1, 0);
		replay.start(NOW);
		replay.step(NOW + 1000);

		assertThat(replay.pause(NOW + 1050)).extracting(ReplayFrame::status, ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(ReplayStatus.PAUSED, 1050L, List.of()));
		assertThat(replay.step(NOW + 5000)).isEmpty();
		assertThat(replay.pause(NOW + 5000)).as("paused already").isEmpty();
		assertThat(replay.resume(NOW + 6000)).extracting(ReplayFrame::status, ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(ReplayStatus.PLAYING, 1050L, List.of()));
		assertThat(replay.resume(NOW + 6000)).as("playing already").isEmpty();
		assertThat(replay.step(NOW + 6250)).extracting(ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(1300L, List.of(FIRST_SEQ + 11, FIRST_SEQ + 12, FIRST_SEQ + 13)));
	}

	@Test
	void pausingSendsWhatCameDueFirst() {
		Replay replay = replay(flight(60), 1, 0);
		replay.start(NOW);

		assertThat(replay.pause(NOW + 200)).extracting(ReplayFrame::status, ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(ReplayStatus.PLAYING, 200L, List.of(FIRST_SEQ + 1, FIRST_SEQ + 2)),
					tuple(ReplayStatus.PAUSED, 200L, List.of()));
	}

	@Test
	void stopEndsTheReplayWithAStoppedFrame() {
		Replay replay = replay(flight(60), 1, 0);
		replay.start(NOW);
		replay.step(NOW + 500);

		ReplayFrame stopped = replay.stop();

		assertThat(stopped.status()).isEqualTo(ReplayStatus.STOPPED);
		assertThat(stopped.positionMs()).isEqualTo(500);
		assertThat(stopped.states()).isEmpty();
		assertThat(replay.finished()).isTrue();
		assertThat(replay.step(NOW + 5000)).isEmpty();
		assertThat(replay.resume(NOW + 5000)).isEmpty();
	}

	@Test
	void theEndIsAnEndedFrameAfterTheLastStates() {
		Replay replay = replay(flight(10), 1, 0);
		replay.start(NOW);

		List<ReplayFrame> frames = replay.step(NOW + 5000);

		assertThat(frames).extracting(ReplayFrame::status, ReplayFrame::positionMs, this::seqs)
			.containsExactly(
					tuple(ReplayStatus.PLAYING, 900L,
							LongStream.rangeClosed(FIRST_SEQ + 1, FIRST_SEQ + 9).boxed().toList()),
					tuple(ReplayStatus.ENDED, 900L, List.of()));
		assertThat(replay.finished()).isTrue();
		assertThat(replay.step(NOW + 6000)).isEmpty();
	}

	@Test
	void aFlightThatEndedAfterItsLastStateEndsAtItsLength() {
		Replay replay = new Replay(flight(10), 1500, 1, 0, NOW, this::page, 200);
		replay.start(NOW);

		assertThat(replay.step(NOW + 1000)).extracting(ReplayFrame::status, ReplayFrame::positionMs)
			.containsExactly(tuple(ReplayStatus.PLAYING, 1000L));
		assertThat(replay.step(NOW + 1499)).isEmpty();
		assertThat(replay.step(NOW + 1500)).extracting(ReplayFrame::status, ReplayFrame::positionMs)
			.containsExactly(tuple(ReplayStatus.ENDED, 1500L));
	}

	@Test
	void anOffsetAtTheEndEndsAtOnce() {
		Replay replay = replay(flight(10), 1, 900);

		assertThat(replay.start(NOW)).extracting(ReplayFrame::status, ReplayFrame::positionMs, this::seqs)
			.containsExactly(tuple(ReplayStatus.PLAYING, 900L, List.of(FIRST_SEQ + 9)),
					tuple(ReplayStatus.ENDED, 900L, List.of()));
	}

	@Test
	void statesAreReadAPageAtATimeAndAStepThatFallsBehindCatchesUpOverTheNextSteps() {
		Replay replay = new Replay(flight(100), 9900, 1, 0, NOW, this::page, 20);
		replay.start(NOW);
		assertThat(this.reads).hasSize(1);

		List<ReplayFrame> behind = replay.step(NOW + 60_000);

		assertThat(this.reads).as("one more page").hasSize(2);
		assertThat(behind.stream().flatMap((frame) -> seqs(frame).stream()))
			.containsExactlyElementsOf(LongStream.rangeClosed(FIRST_SEQ + 1, FIRST_SEQ + 39).boxed().toList());
		assertThat(behind.get(behind.size() - 1).positionMs()).as("as far as the states sent").isEqualTo(3900);
		assertThat(replay.step(NOW + 60_000)).last().extracting(ReplayFrame::positionMs).isEqualTo(5900L);
		assertThat(this.reads).hasSize(3);
		List<ReplayFrame> rest = new ArrayList<>();
		while (!replay.finished()) {
			rest.addAll(replay.step(NOW + 60_000));
		}
		assertThat(rest).last().extracting(ReplayFrame::status).isEqualTo(ReplayStatus.ENDED);
		assertThat(rest.stream().flatMap((frame) -> seqs(frame).stream()))
			.containsExactlyElementsOf(LongStream.rangeClosed(FIRST_SEQ + 60, FIRST_SEQ + 99).boxed().toList());
	}

	@Test
	void aClockThatGoesBackMovesNothing() {
		Replay replay = replay(flight(60), 1, 0);
		replay.start(NOW);
		replay.step(NOW + 500);

		assertThat(replay.step(NOW + 100)).isEmpty();
		assertThat(replay.stop().positionMs()).isEqualTo(500);
	}

	private Replay replay(Flight flight, double speed, long offsetMs) {
		long durationMs = flight.endedAt() - flight.startedAt();
		return new Replay(flight, durationMs, speed, offsetMs, NOW, this::page, 200);
	}

	/** A flight of one state every 100 ms, recorded states only. */
	private static Flight flight(int states) {
		return new Flight(UUID.fromString("3f2b8c1e-0d4a-4c53-9a57-7e1f0b6d2c90"), "d1", List.of("alice"), STARTED_AT,
				STARTED_AT + (states - 1) * 100L, Flight.DISARMED, 4, 8, 1, states);
	}

	/** The flight's states as the recorder's table gives them, recording each read. */
	private List<DroneState> page(Flight flight, long afterSeq, long fromMillis, long toMillis, int limit) {
		this.reads.add(afterSeq);
		return LongStream.range(0, flight.frames())
			.mapToObj((index) -> state(FIRST_SEQ + index, flight.startedAt() + index * 100))
			.filter((state) -> state.seq() > afterSeq && state.timestamp() >= fromMillis
					&& state.timestamp() <= toMillis)
			.limit(limit)
			.toList();
	}

	private static DroneState state(long seq, long timestamp) {
		return new DroneState("d1", seq, timestamp, FlightMode.HOLD, true, new Position(-22.95, -43.21, 4),
				new Velocity(0, 0, 0), 0, 90, new Battery(90, 16), new GeoPoint(-22.95, -43.21), "alice", null, null,
				null);
	}

	private List<Long> seqs(ReplayFrame frame) {
		return frame.states().stream().map(DroneState::seq).toList();
	}

}
