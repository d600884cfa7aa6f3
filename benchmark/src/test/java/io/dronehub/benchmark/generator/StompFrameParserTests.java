package io.dronehub.benchmark.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.dronehub.benchmark.TelemetryPayload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StompFrameParserTests {

	@Test
	void everyFrameOfAMessageIsParsedWithOrWithoutContentLength() {
		String body1 = new String(TelemetryPayload.json(1, 41, 1_763_900_000_123L), StandardCharsets.UTF_8);
		String body2 = new String(TelemetryPayload.json(12, 7, 1_763_900_000_124L), StandardCharsets.UTF_8);
		ByteBuf message = bytes("MESSAGE\r\ndestination:/topic/telemetry\r\ncontent-length:" + body1.length()
				+ "\r\n\r\n" + body1 + "\0\n" + "MESSAGE\nsubscription:sub-0\n\n" + body2 + "\0");
		List<StompFrame> frames = new ArrayList<>();

		int count = StompFrameParser.parse(message, frames::add);

		assertThat(count).isEqualTo(2);
		assertThat(frames).extracting(StompFrame::command).containsExactly(StompCommand.MESSAGE, StompCommand.MESSAGE);
		assertThat(frames.get(0).bodyText()).isEqualTo(body1);
		assertThat(frames.get(1).header("subscription")).isEqualTo("sub-0");
		assertThat(TelemetryFields.read(frames.get(0))).isEqualTo(new TelemetryFields(1, 41, 1_763_900_000_123L));
		assertThat(TelemetryFields.read(frames.get(1))).isEqualTo(new TelemetryFields(12, 7, 1_763_900_000_124L));
	}

	@Test
	void heartBeatsAndOtherCommandsAreRecognised() {
		List<StompFrame> frames = new ArrayList<>();

		StompFrameParser.parse(bytes("\n\nCONNECTED\nversion:1.2\n\n\0ERROR\nmessage:denied\n\n\0"), frames::add);

		assertThat(frames).extracting(StompFrame::command).containsExactly(StompCommand.CONNECTED, StompCommand.ERROR);
		assertThat(frames.get(1).header("message")).isEqualTo("denied");
	}

	@Test
	void aFrameWithoutItsNulIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StompFrameParser.parse(bytes("MESSAGE\n\n{\"seq\":1}"), (frame) -> {
			}));
	}

	private static ByteBuf bytes(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
	}

}
