package io.dronehub.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link InlineCompletionExecutor}: a completion handed over from inside a
 * writer's write runs on the writing thread, anything else on the pool.
 */
class InlineCompletionExecutorTests {

	private final InlineCompletionExecutor executor = new InlineCompletionExecutor("test", 1, 2, 10,
			Thread.NORM_PRIORITY);

	@AfterEach
	void shutDown() throws InterruptedException {
		this.executor.shutdown();
		assertThat(this.executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aTaskFromOutsideAnyWriteRunsOnThePool() throws Exception {
		CompletableFuture<Thread> ranOn = new CompletableFuture<>();
		this.executor.execute(() -> ranOn.complete(Thread.currentThread()));
		assertThat(ranOn.get(10, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
		assertThat(ranOn.get().getName()).startsWith("test-exec-");
	}

	@Test
	void aCompletionHandedOverInsideAWriteRunsOnTheWritingThreadBeforeTheWriteReturns() throws Exception {
		List<Thread> completedOn = new ArrayList<>();
		List<String> written = new ArrayList<>();
		RemoteEndpoint.Async remote = mock();
		willAnswer((invocation) -> {
			written.add(invocation.getArgument(0));
			SendHandler handler = invocation.getArgument(1);
			// as Tomcat does with a write that completed at once
			this.executor.execute(() -> {
				completedOn.add(Thread.currentThread());
				handler.onResult(new SendResult());
			});
			assertThat(completedOn).hasSize(written.size());
			return null;
		}).given(remote).sendText(anyString(), any(SendHandler.class));
		WebSocketSession session = mock();
		given(session.getId()).willReturn("s-1");
		given(session.isOpen()).willReturn(true);
		SessionWriter<LatestFrames> writer = new SessionWriter<>(session, remote, new NoLatestFrames(),
				new WriterSettings(false, Duration.ofSeconds(5), DataSize.ofMegabytes(1)), Runnable::run,
				mock(DeliveryObserver.class));

		writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:1\n\n\0"));
		writer.sendMessage(new TextMessage("MESSAGE\nmessage-id:2\n\n\0"));

		assertThat(written).hasSize(2);
		assertThat(completedOn).containsExactly(Thread.currentThread(), Thread.currentThread());
		assertThat(writer.idle()).isTrue();
	}

	/** Latest frames that never have any pending. */
	private static final class NoLatestFrames implements LatestFrames {

		@Override
		public boolean hasPending() {
			return false;
		}

		@Override
		public long conflated() {
			return 0;
		}

		@Override
		public void drainTo(FrameBatch batch, LongConsumer taken) {
		}

		@Override
		public @Nullable String poll(LongConsumer taken) {
			return null;
		}

	}

}
