package io.dronehub.outbound;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import io.dronehub.outbound.DeliveryObserver.TooSlow;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.longThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link SessionWriter}: one write in flight, Spring's frames never dropped and
 * first, latest frames drained after them, slow sessions closed, on a hand-completed
 * asynchronous endpoint.
 */
class SessionWriterTests {

	private final WebSocketSession session = mock();

	private final RemoteEndpoint.Async remote = mock();

	private final DeliveryObserver deliveries = mock();

	private final List<SendHandler> inFlight = new ArrayList<>();

	private final List<String> written = new ArrayList<>();

	private SessionWriter<LatestPerDrone> writer;

	@BeforeEach
	void openWriter() {
		given(this.session.getId()).willReturn("s-1");
		given(this.session.isOpen()).willReturn(true);
		willAnswer((invocation) -> {
			this.written.add(invocation.getArgument(0));
			return this.inFlight.add(invocation.getArgument(1));
		}).given(this.remote).sendText(anyString(), any(SendHandler.class));
		this.writer = writer(DataSize.ofMegabytes(1));
	}

	@Test
	void latestFramesAreLatestWinsWhileAWriteIsInFlight() {
		offer(1);
		offer(2);
		offer(3);
		assertThat(writes()).hasSize(1).first().asString().contains("message-id:d1-1").doesNotContain("d1-2");
		completeWrite();
		assertThat(writes()).hasSize(2);
		assertThat(writes().get(1)).contains("message-id:d1-3", "message-id:d2-3").doesNotContain("d1-2");
		assertThat(this.writer.conflated()).isEqualTo(2);
		completeWrite();
		assertThat(this.writer.idle()).isTrue();
		verify(this.deliveries, times(2)).latestFramesWritten(eq(2), longThat((age) -> age >= 0));
	}

	@Test
	void pendingLatestFramesLeaveAsOneMessageInOrder() {
		offer(7);
		String message = writes().get(0);
		assertThat(message.indexOf("d1-7")).isLessThan(message.indexOf("d2-7"));
		assertThat(message.split("\0", -1)).hasSize(3);
	}

	@Test
	void eachWriteReportsItsLatestFramesAndTheAgeOfTheOldestOfThem() throws Exception {
		this.writer.sendMessage(new TextMessage("MESSAGE\ndestination:/topic/events\n\n{}\0"));
		verify(this.deliveries, never()).latestFramesWritten(anyInt(), anyLong());
		offer(1);
		long publishedNanos = offer(2);
		long beforeWrite = System.nanoTime();
		completeWrite();
		long afterWrite = System.nanoTime();
		ArgumentCaptor<Long> age = ArgumentCaptor.captor();
		verify(this.deliveries).latestFramesWritten(eq(2), age.capture());
		assertThat(age.getValue()).isBetween(beforeWrite - publishedNanos, afterWrite - publishedNanos);
	}

	@Test
	void springFramesAreNeverDroppedAndGoFirst() throws Exception {
		offer(1);
		this.writer.sendMessage(new TextMessage("MESSAGE\ndestination:/user/queue/replies\n\n{}\0"));
		this.writer.sendMessage(new TextMessage("MESSAGE\ndestination:/topic/events\n\n{}\0"));
		offer(2);
		completeWrite();
		String next = writes().get(1);
		assertThat(next).startsWith("MESSAGE\ndestination:/user/queue/replies");
		assertThat(next.indexOf("/topic/events")).isLessThan(next.indexOf("d1-2"));
	}

	@Test
	void aWriteThatFailsClosesOnlyThisSession() throws Exception {
		offer(1);
		this.inFlight.get(0).onResult(new SendResult(new SocketTimeoutException()));
		verify(this.session).close(any(CloseStatus.class));
		verify(this.deliveries).closedAsTooSlow(TooSlow.STALLED);
		offer(2);
		assertThat(writes()).hasSize(1);
	}

	@Test
	void tooManyWaitingFramesCloseTheSession() throws Exception {
		this.writer = writer(DataSize.ofBytes(100));
		this.writer.sendMessage(new TextMessage("x".repeat(60)));
		this.writer.sendMessage(new TextMessage("y".repeat(60)));
		this.writer.sendMessage(new TextMessage("z".repeat(60)));
		verify(this.session)
			.close(CloseStatus.POLICY_VIOLATION.withReason("too slow: more than 100B of frames waiting"));
		verify(this.deliveries).closedAsTooSlow(TooSlow.OVERFLOW);
	}

	@Test
	void aCloseWaitsUntilSpringsFramesAreWritten() throws Exception {
		this.writer.sendMessage(new TextMessage("ERROR\nmessage:bye\n\n\0"));
		this.writer.close(CloseStatus.PROTOCOL_ERROR);
		verify(this.session, never()).close(any(CloseStatus.class));
		completeWrite();
		verify(this.session, times(1)).close(CloseStatus.PROTOCOL_ERROR);
	}

	@Test
	void aLongBacklogLeavesInMessagesUnderTheBatchLimit() throws Exception {
		for (int i = 0; i < 200; i++) {
			this.writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:" + i + "\n\n" + "x".repeat(100) + "\0"));
		}
		while (!this.writer.idle()) {
			completeWrite();
		}
		assertThat(writes()).hasSizeGreaterThan(2)
			.allSatisfy((message) -> assertThat(message.length()).isLessThanOrEqualTo(SessionWriter.MAX_BATCH_CHARS));
		assertThat(String.join("", writes())).contains("message-id:0\n", "message-id:199\n");
	}

	@Test
	void aWriteCompletedInsideSendTextStartsTheNextOnlyAfterItReturns() throws Exception {
		AtomicInteger depth = new AtomicInteger();
		AtomicInteger deepest = new AtomicInteger();
		willAnswer((invocation) -> {
			deepest.accumulateAndGet(depth.incrementAndGet(), Math::max);
			this.written.add(invocation.getArgument(0));
			if (this.written.size() == 1) {
				// frames that arrive while the first write is in flight
				this.writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:2\n\n\0"));
				offer(1);
			}
			// the container reports the write complete before sendText returns
			invocation.<SendHandler>getArgument(1).onResult(new SendResult());
			depth.decrementAndGet();
			return null;
		}).given(this.remote).sendText(anyString(), any(SendHandler.class));
		this.writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:1\n\n\0"));
		assertThat(deepest).hasValue(1);
		assertThat(writes()).hasSize(2);
		assertThat(writes().get(0)).isEqualTo("MESSAGE\nmessage-id:1\n\n\0");
		assertThat(writes().get(1)).startsWith("MESSAGE\nmessage-id:2\n\n\0");
		assertThat(writes().get(1).indexOf("d1-1")).isLessThan(writes().get(1).indexOf("d2-1"));
		assertThat(this.writer.idle()).isTrue();
	}

	@Test
	void withoutBatchingEachFrameLeavesAloneSpringsFirst() throws Exception {
		this.writer = writer(false, DataSize.ofMegabytes(1));
		this.writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:1\n\n\0"));
		offer(1);
		this.writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:2\n\n\0"));
		this.writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:3\n\n\0"));
		while (!this.writer.idle()) {
			completeWrite();
		}
		assertThat(writes()).hasSize(5);
		assertThat(writes()).allSatisfy((message) -> assertThat(message.split("\0", -1)).hasSize(2));
		assertThat(writes()).map((message) -> message.substring(message.indexOf("message-id:")))
			.map((header) -> header.substring(0, header.indexOf('\n')))
			.containsExactly("message-id:1", "message-id:2", "message-id:3", "message-id:d1-1", "message-id:d2-1");
	}

	private SessionWriter<LatestPerDrone> writer(DataSize maxPending) {
		return writer(true, maxPending);
	}

	private SessionWriter<LatestPerDrone> writer(boolean batchFrames, DataSize maxPending) {
		return new SessionWriter<>(this.session, this.remote, new LatestPerDrone(),
				new WriterSettings(batchFrames, Duration.ofSeconds(5), maxPending), Runnable::run, this.deliveries);
	}

	/**
	 * Offers the frames of drones {@code d1} and {@code d2} for one tick.
	 * @return when they were published
	 */
	private long offer(long seq) {
		long publishedNanos = System.nanoTime();
		this.writer.updateLatest(LatestPerDrone::offer, new Tick(seq, publishedNanos));
		return publishedNanos;
	}

	private List<String> writes() {
		return this.written;
	}

	private void completeWrite() {
		this.inFlight.get(this.inFlight.size() - 1).onResult(new SendResult());
	}

	private record Tick(long seq, long publishedNanos) {
	}

	private record Frame(String text, long publishedNanos) {
	}

	/**
	 * The newest frame of each of two drones, in drone order.
	 */
	private static final class LatestPerDrone implements LatestFrames {

		private final Map<String, Frame> pending = new LinkedHashMap<>();

		private long conflated;

		void offer(Tick tick) {
			for (String droneId : List.of("d1", "d2")) {
				Frame frame = new Frame(
						"MESSAGE\ndestination:/topic/telemetry\nmessage-id:" + droneId + "-" + tick.seq() + "\n\n{}\0",
						tick.publishedNanos());
				if (this.pending.put(droneId, frame) != null) {
					this.conflated++;
				}
			}
		}

		@Override
		public boolean hasPending() {
			return !this.pending.isEmpty();
		}

		@Override
		public @Nullable String poll(LongConsumer taken) {
			Iterator<Frame> frames = this.pending.values().iterator();
			if (!frames.hasNext()) {
				return null;
			}
			Frame frame = frames.next();
			frames.remove();
			taken.accept(frame.publishedNanos());
			return frame.text();
		}

		@Override
		public void drainTo(FrameBatch batch, LongConsumer taken) {
			for (Iterator<Frame> frames = this.pending.values().iterator(); frames.hasNext();) {
				Frame frame = frames.next();
				if (!batch.fits(frame.text())) {
					return;
				}
				batch.add(frame.text());
				frames.remove();
				taken.accept(frame.publishedNanos());
			}
		}

		@Override
		public long conflated() {
			return this.conflated;
		}

	}

}
