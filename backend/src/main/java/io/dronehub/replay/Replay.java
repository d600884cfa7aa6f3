package io.dronehub.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.recorder.Flight;

/**
 * One replay of one recorded flight: where it is in the flight, and the recorded states
 * it has read but not yet sent. Its position is {@code offsetMs + (now - started) x
 * speed}, less the time it spent paused, and never passes the flight's length or a state
 * it has not read yet; each step hands out the states recorded up to it, in frames of at
 * most {@link ReplayFrame#MAX_STATES}. States are read a page at a time, at most one page
 * per step, so a replay holds at most a page of states and a step that falls behind (a
 * clock that jumps, a slow database) catches up over the following steps.
 * <p>
 * Times are epoch milliseconds of the hub's clock, given by the caller. Not thread-safe:
 * owned by the replay thread of {@link FlightReplays}.
 */
final class Replay {

	private final Flight flight;

	private final long durationMs;

	private final double speed;

	private final StatePages pages;

	private final int pageSize;

	private final long fromMillis;

	private final ArrayDeque<DroneState> unsent = new ArrayDeque<>();

	private long lastReadSeq = Long.MIN_VALUE;

	private boolean allRead;

	private ReplayStatus status = ReplayStatus.PLAYING;

	/** The position when the replay last started or resumed, or where it is paused. */
	private long anchorPositionMs;

	/** When the replay last started or resumed. */
	private long anchorMillis;

	/** The position of the latest frame: every state up to it has been handed out. */
	private long positionMs;

	/**
	 * Creates a replay that starts playing at once; the first frames come from
	 * {@link #start}.
	 * @param flight the flight
	 * @param durationMs its recorded length, from its first state
	 * @param speed how many times faster than recorded
	 * @param offsetMs where to start, from the flight's first state
	 * @param nowMillis the time it starts
	 * @param pages reads the flight's states
	 * @param pageSize the most states read at a time
	 */
	Replay(Flight flight, long durationMs, double speed, long offsetMs, long nowMillis, StatePages pages,
			int pageSize) {
		this.flight = flight;
		this.durationMs = durationMs;
		this.speed = speed;
		this.pages = pages;
		this.pageSize = pageSize;
		this.fromMillis = flight.startedAt() + offsetMs;
		this.anchorPositionMs = offsetMs;
		this.anchorMillis = nowMillis;
		this.positionMs = offsetMs;
	}

	Flight flight() {
		return this.flight;
	}

	ReplayStatus status() {
		return this.status;
	}

	/**
	 * Whether the replay has sent its last frame.
	 * @return {@code true} once it has ended or been stopped
	 */
	boolean finished() {
		return this.status == ReplayStatus.ENDED || this.status == ReplayStatus.STOPPED;
	}

	/**
	 * The first frames: a PLAYING frame with the states due at the offset, and ENDED if
	 * that was all.
	 * @param nowMillis the time
	 * @return the frames to send
	 */
	List<ReplayFrame> start(long nowMillis) {
		return advance(nowMillis, true);
	}

	/**
	 * The frames of one pacing step: PLAYING frames with the states that have come due,
	 * if any, then ENDED once the last state has been sent and the position has reached
	 * the flight's end.
	 * @param nowMillis the time
	 * @return the frames to send, none while paused or when nothing came due
	 */
	List<ReplayFrame> step(long nowMillis) {
		return (this.status == ReplayStatus.PLAYING) ? advance(nowMillis, false) : List.of();
	}

	/**
	 * Pauses a playing replay where it is: the states due until now, then a PAUSED frame.
	 * @param nowMillis the time
	 * @return the frames to send, none if it was not playing
	 */
	List<ReplayFrame> pause(long nowMillis) {
		if (this.status != ReplayStatus.PLAYING) {
			return List.of();
		}
		List<ReplayFrame> frames = advance(nowMillis, false);
		if (finished()) {
			return frames;
		}
		this.status = ReplayStatus.PAUSED;
		this.anchorPositionMs = this.positionMs;
		frames.add(frame(ReplayStatus.PAUSED, this.positionMs, List.of()));
		return frames;
	}

	/**
	 * Resumes a paused replay from where it paused, with a PLAYING frame.
	 * @param nowMillis the time
	 * @return the frames to send, none if it was not paused
	 */
	List<ReplayFrame> resume(long nowMillis) {
		if (this.status != ReplayStatus.PAUSED) {
			return List.of();
		}
		this.status = ReplayStatus.PLAYING;
		this.anchorMillis = nowMillis;
		return advance(nowMillis, true);
	}

	/**
	 * Stops the replay where it is.
	 * @return its last frame, STOPPED
	 */
	ReplayFrame stop() {
		this.status = ReplayStatus.STOPPED;
		this.unsent.clear();
		return frame(ReplayStatus.STOPPED, this.positionMs, List.of());
	}

	/**
	 * Hands out the states up to the position now, reading at most one page.
	 * @param announce whether to send a PLAYING frame even with no states in it
	 */
	private List<ReplayFrame> advance(long nowMillis, boolean announce) {
		long target = clockPosition(nowMillis);
		List<ReplayFrame> frames = new ArrayList<>();
		List<DroneState> states = new ArrayList<>(ReplayFrame.MAX_STATES);
		long reached = this.positionMs;
		boolean read = false;
		while (true) {
			if (this.unsent.isEmpty() && !this.allRead) {
				if (read) {
					target = reached;
					break;
				}
				readPage();
				read = true;
				continue;
			}
			DroneState next = this.unsent.peek();
			if (next == null || positionOf(next) > target) {
				break;
			}
			states.add(this.unsent.poll());
			reached = Math.max(reached, positionOf(next));
			if (states.size() == ReplayFrame.MAX_STATES) {
				frames.add(frame(ReplayStatus.PLAYING, reached, states));
				states = new ArrayList<>(ReplayFrame.MAX_STATES);
			}
		}
		this.positionMs = Math.max(this.positionMs, target);
		if (!states.isEmpty() || (announce && frames.isEmpty())) {
			frames.add(frame(ReplayStatus.PLAYING, this.positionMs, states));
		}
		if (this.allRead && this.unsent.isEmpty() && this.positionMs >= this.durationMs) {
			this.status = ReplayStatus.ENDED;
			frames.add(frame(ReplayStatus.ENDED, this.positionMs, List.of()));
		}
		return frames;
	}

	/** Where the clock alone puts the replay. */
	private long clockPosition(long nowMillis) {
		if (this.status != ReplayStatus.PLAYING) {
			return this.anchorPositionMs;
		}
		long elapsedMillis = Math.max(0, nowMillis - this.anchorMillis);
		return Math.min(this.durationMs, this.anchorPositionMs + (long) (elapsedMillis * this.speed));
	}

	private void readPage() {
		List<DroneState> page = this.pages.read(this.flight, this.lastReadSeq, this.fromMillis,
				this.flight.startedAt() + this.durationMs, this.pageSize);
		this.unsent.addAll(page);
		if (!page.isEmpty()) {
			this.lastReadSeq = page.get(page.size() - 1).seq();
		}
		this.allRead = page.size() < this.pageSize;
	}

	private long positionOf(DroneState state) {
		return state.timestamp() - this.flight.startedAt();
	}

	private ReplayFrame frame(ReplayStatus status, long positionMs, List<DroneState> states) {
		return new ReplayFrame(this.flight.id().toString(), status, positionMs, this.durationMs, List.copyOf(states));
	}

	/**
	 * Reads a flight's recorded states a page at a time.
	 */
	@FunctionalInterface
	interface StatePages {

		/**
		 * One page of a flight's states, in recorded order.
		 * @param flight the flight
		 * @param afterSeq only states with a greater {@code seq}
		 * @param fromMillis only states recorded at or after this time
		 * @param toMillis only states recorded at or before this time
		 * @param limit the most states
		 * @return the states, fewer than {@code limit} once there are no more
		 */
		List<DroneState> read(Flight flight, long afterSeq, long fromMillis, long toMillis, int limit);

	}

}
