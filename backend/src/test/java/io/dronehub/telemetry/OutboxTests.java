package io.dronehub.telemetry;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.dronehub.flight.Battery;
import io.dronehub.flight.DroneState;
import io.dronehub.flight.FlightMode;
import io.dronehub.flight.GeoPoint;
import io.dronehub.flight.Position;
import io.dronehub.flight.Velocity;
import io.dronehub.telemetry.DeliveryObserver.TooSlow;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.longThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link Outbox}: one write in flight, Spring's frames never dropped, telemetry
 * latest-wins, slow sessions closed, on a hand-completed asynchronous endpoint.
 */
class OutboxTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WebSocketSession session = mock();

	private final RemoteEndpoint.Async remote = mock();

	private final DeliveryObserver deliveries = mock();

	private final List<SendHandler> inFlight = new ArrayList<>();

	private final List<String> written = new ArrayList<>();

	private Outbox outbox;

	@BeforeEach
	void openOutbox() {
		given(this.session.getId()).willReturn("s-1");
		given(this.session.isOpen()).willReturn(true);
		willAnswer((invocation) -> {
			this.written.add(invocation.getArgument(0));
			return this.inFlight.add(invocation.getArgument(1));
		}).given(this.remote).sendText(anyString(), any(SendHandler.class));
		this.outbox = outbox(DataSize.ofMegabytes(1));
		this.outbox.subscribe(new TelemetrySubscription("sub-0", "/topic/telemetry", null));
	}

	@Test
	void telemetryIsLatestWinsWhileAWriteIsInFlight() {
		this.outbox.offer(tick(1));
		this.outbox.offer(tick(2));
		this.outbox.offer(tick(3));
		assertThat(writes()).hasSize(1).first().asString().contains("message-id:d1-1").doesNotContain("d1-2");
		completeWrite();
		assertThat(writes()).hasSize(2);
		assertThat(writes().get(1)).contains("message-id:d1-3", "message-id:d2-3").doesNotContain("d1-2");
		assertThat(this.outbox.conflated()).isEqualTo(2);
		completeWrite();
		assertThat(this.outbox.idle()).isTrue();
		verify(this.deliveries, times(2)).telemetryWritten(eq(2), longThat((age) -> age >= 0));
	}

	@Test
	void framesOfATickLeaveAsOneMessageInDroneOrder() {
		this.outbox.offer(tick(7));
		String message = writes().get(0);
		assertThat(message.indexOf("d1-7")).isLessThan(message.indexOf("d2-7"));
		assertThat(message.split("\0", -1)).hasSize(3);
		assertThat(message).startsWith("MESSAGE\ndestination:/topic/telemetry\ncontent-type:application/json\n"
				+ "subscription:sub-0\nmessage-id:d1-7\ncontent-length:");
	}

	@Test
	void eachWriteReportsItsTelemetryFramesAndTheAgeOfTheNewestStateOfEach() throws Exception {
		this.outbox.sendMessage(new TextMessage("MESSAGE\ndestination:/topic/events\n\n{}\0"));
		verify(this.deliveries, never()).telemetryWritten(anyInt(), anyLong());
		this.outbox.offer(tick(1));
		TickFrames latest = tick(2);
		this.outbox.offer(latest);
		long beforeWrite = System.nanoTime();
		completeWrite();
		long afterWrite = System.nanoTime();
		ArgumentCaptor<Long> age = ArgumentCaptor.captor();
		verify(this.deliveries).telemetryWritten(eq(2), age.capture());
		assertThat(age.getValue()).isBetween(beforeWrite - latest.publishedNanos(),
				afterWrite - latest.publishedNanos());
	}

	@Test
	void springFramesAreNeverDroppedAndGoFirst() throws Exception {
		this.outbox.offer(tick(1));
		this.outbox.sendMessage(new TextMessage("MESSAGE\ndestination:/user/queue/replies\n\n{}\0"));
		this.outbox.sendMessage(new TextMessage("MESSAGE\ndestination:/topic/events\n\n{}\0"));
		this.outbox.offer(tick(2));
		completeWrite();
		String next = writes().get(1);
		assertThat(next).startsWith("MESSAGE\ndestination:/user/queue/replies");
		assertThat(next.indexOf("/topic/events")).isLessThan(next.indexOf("d1-2"));
	}

	@Test
	void aWriteThatFailsClosesOnlyThisSession() throws Exception {
		this.outbox.offer(tick(1));
		this.inFlight.get(0).onResult(new SendResult(new SocketTimeoutException()));
		verify(this.session).close(any(CloseStatus.class));
		verify(this.deliveries).closedAsTooSlow(TooSlow.STALLED);
		this.outbox.offer(tick(2));
		assertThat(writes()).hasSize(1);
	}

	@Test
	void tooManyWaitingFramesCloseTheSession() throws Exception {
		this.outbox = outbox(DataSize.ofBytes(100));
		this.outbox.sendMessage(new TextMessage("x".repeat(60)));
		this.outbox.sendMessage(new TextMessage("y".repeat(60)));
		this.outbox.sendMessage(new TextMessage("z".repeat(60)));
		verify(this.session)
			.close(CloseStatus.POLICY_VIOLATION.withReason("too slow: more than 100B of frames waiting"));
		verify(this.deliveries).closedAsTooSlow(TooSlow.OVERFLOW);
	}

	@Test
	void aCloseWaitsUntilSpringsFramesAreWritten() throws Exception {
		this.outbox.sendMessage(new TextMessage("ERROR\nmessage:bye\n\n\0"));
		this.outbox.close(CloseStatus.PROTOCOL_ERROR);
		verify(this.session, never()).close(any(CloseStatus.class));
		completeWrite();
		verify(this.session, times(1)).close(CloseStatus.PROTOCOL_ERROR);
	}

	@Test
	void aLongBacklogLeavesInMessagesUnderTheBatchLimit() throws Exception {
		for (int i = 0; i < 200; i++) {
			this.outbox.sendMessage(new TextMessage("MESSAGE\nmessage-id:" + i + "\n\n" + "x".repeat(100) + "\0"));
		}
		while (!this.outbox.idle()) {
			completeWrite();
		}
		assertThat(writes()).hasSizeGreaterThan(2)
			.allSatisfy((message) -> assertThat(message.length()).isLessThanOrEqualTo(Outbox.MAX_BATCH_CHARS));
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
				this.outbox.sendMessage(new TextMessage("MESSAGE\nmessage-id:2\n\n\0"));
				this.outbox.offer(tick(1));
			}
			// the container reports the write complete before sendText returns
			invocation.<SendHandler>getArgument(1).onResult(new SendResult());
			depth.decrementAndGet();
			return null;
		}).given(this.remote).sendText(anyString(), any(SendHandler.class));
		this.outbox.sendMessage(new TextMessage("MESSAGE\nmessage-id:1\n\n\0"));
		assertThat(deepest).hasValue(1);
		assertThat(writes()).hasSize(2);
		assertThat(writes().get(0)).isEqualTo("MESSAGE\nmessage-id:1\n\n\0");
		assertThat(writes().get(1)).startsWith("MESSAGE\nmessage-id:2\n\n\0");
		assertThat(writes().get(1).indexOf("d1-1")).isLessThan(writes().get(1).indexOf("d2-1"));
		assertThat(this.outbox.idle()).isTrue();
	}

	@Test
	void withoutBatchingEachFrameLeavesAloneSpringsFirst() throws Exception {
		this.outbox = outbox(false, DataSize.ofMegabytes(1));
		this.outbox.subscribe(new TelemetrySubscription("sub-0", "/topic/telemetry", null));
		this.outbox.sendMessage(new TextMessage("MESSAGE\nmessage-id:1\n\n\0"));
		this.outbox.offer(tick(1));
		this.outbox.sendMessage(new TextMessage("MESSAGE\nmessage-id:2\n\n\0"));
		this.outbox.sendMessage(new TextMessage("MESSAGE\nmessage-id:3\n\n\0"));
		while (!this.outbox.idle()) {
			completeWrite();
		}
		assertThat(writes()).hasSize(5);
		assertThat(writes()).allSatisfy((message) -> assertThat(message.split("\0", -1)).hasSize(2));
		assertThat(writes()).map((message) -> message.substring(message.indexOf("message-id:")))
			.map((header) -> header.substring(0, header.indexOf('\n')))
			.containsExactly("message-id:1", "message-id:2", "message-id:3", "message-id:d1-1", "message-id:d2-1");
	}

	@Test
	void subscriptionIdsAreEscaped() {
		assertThat(TickFrames.escape("a:b\nc\\d")).isEqualTo("a\\cb\\nc\\\\d");
	}

	private Outbox outbox(DataSize maxPending) {
		return outbox(true, maxPending);
	}

	private Outbox outbox(boolean batchFrames, DataSize maxPending) {
		return new Outbox(this.session, this.remote,
				new TelemetryProperties(batchFrames, Duration.ofSeconds(5), maxPending, false), Runnable::run,
				this.deliveries);
	}

	private List<String> writes() {
		return this.written;
	}

	private void completeWrite() {
		this.inFlight.get(this.inFlight.size() - 1).onResult(new SendResult());
	}

	private static TickFrames tick(long seq) {
		List<DroneState> states = IntStream.rangeClosed(1, 2)
			.mapToObj((i) -> new DroneState("d" + i, seq, 1_000 + seq, FlightMode.HOLD, true, new Position(1, 2, 3),
					new Velocity(0, 0, 0), 0, 90, new Battery(80, 16), new GeoPoint(1, 2), null, null))
			.toList();
		return new TickFrames(states, json);
	}

}
