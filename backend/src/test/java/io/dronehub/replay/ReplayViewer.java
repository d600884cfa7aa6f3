package io.dronehub.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.dronehub.StompTestClient;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * A session replaying flights: its replay frames and replies, both subscribed and proven
 * active before the first request.
 *
 * @param client its STOMP client
 * @param replies its {@code /user/queue/replies}
 * @param frames its {@code /user/queue/replay}
 */
record ReplayViewer(StompTestClient client, BlockingQueue<JsonNode> replies, BlockingQueue<JsonNode> frames) {

	private static final AtomicInteger requests = new AtomicInteger();

	/**
	 * Subscribes a session to its replay frames and replies.
	 * @param client the session's client
	 * @param frames where its replay frames are to arrive
	 * @return the viewer, once a reply has proven both subscriptions active
	 */
	static ReplayViewer of(StompTestClient client, BlockingQueue<JsonNode> frames) {
		client.subscribe("/user/queue/replay", frames);
		BlockingQueue<JsonNode> replies = client.subscribe("/user/queue/replies");
		await().atMost(StompTestClient.TIMEOUT).until(() -> {
			client.send("/app/replay", "{\"flightId\":\"" + UUID.randomUUID() + "\",\"commandId\":\"SYNC-replay-"
					+ requests.incrementAndGet() + "\"}");
			return replies.poll(200, TimeUnit.MILLISECONDS) != null;
		});
		return new ReplayViewer(client, replies, frames);
	}

	static ReplayViewer of(StompTestClient client) {
		return of(client, new LinkedBlockingQueue<>());
	}

	/**
	 * Sends a replay request with the fields given, and waits for its reply.
	 * @param fields the request's fields but its commandId, as JSON
	 * @return the reply
	 */
	JsonNode request(String fields) throws InterruptedException {
		String commandId = "replay-" + requests.incrementAndGet();
		return this.client.request(this.replies, "/app/replay", "{" + fields + ",\"commandId\":\"" + commandId + "\"}",
				commandId);
	}

	JsonNode nextFrame() throws InterruptedException {
		return StompTestClient.next(this.frames);
	}

	/**
	 * Waits for frames until one matches.
	 * @param last tells the frame to wait for
	 * @return the frames received until then, that one included
	 */
	List<JsonNode> framesUntil(Predicate<JsonNode> last) throws InterruptedException {
		List<JsonNode> frames = new ArrayList<>();
		while (true) {
			JsonNode frame = nextFrame();
			frames.add(frame);
			if (last.test(frame)) {
				return frames;
			}
		}
	}

	/**
	 * The states of frames, in order.
	 * @param frames replay frames
	 * @return every state they hold
	 */
	static List<JsonNode> statesOf(List<JsonNode> frames) {
		return frames.stream().flatMap((frame) -> frame.get("states").valueStream()).toList();
	}

}
