package io.dronehub.security;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

class FrameSizeLimitTests {

	@Test
	void theLimitIsSetAfterTheStompHandlerRaisedIt() throws Exception {
		WebSocketHandler stompHandler = mock();
		WebSocketSession session = mock();
		new FrameSizeLimit(DataSize.ofKilobytes(4)).decorate(stompHandler).afterConnectionEstablished(session);
		InOrder order = inOrder(stompHandler, session);
		order.verify(stompHandler).afterConnectionEstablished(session);
		order.verify(session).setTextMessageSizeLimit(4096);
		order.verify(session).setBinaryMessageSizeLimit(4096);
	}

}
