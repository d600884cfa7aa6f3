package io.dronehub.command;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.dronehub.contract.ErrorCode;
import io.dronehub.contract.ErrorMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Answers any inbound frame that a STOMP controller could not process with an
 * {@link ErrorMessage} to the sender alone on {@code /user/queue/errors}; the session
 * stays open and nothing else changes.
 */
@ControllerAdvice
public class InboundErrors {

	private static final Log logger = LogFactory.getLog(InboundErrors.class);

	@MessageExceptionHandler
	@SendToUser(destinations = ErrorMessage.QUEUE, broadcast = false)
	ErrorMessage handle(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidCommandException invalid) {
				return new ErrorMessage(invalid.code(), invalid.getMessage());
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return describe(json);
			}
		}
		logger.error("Inbound message failed", failure);
		return new ErrorMessage(ErrorCode.INTERNAL_ERROR, "the hub could not process the request");
	}

	private static ErrorMessage describe(JacksonException json) {
		if (json instanceof InvalidTypeIdException typeId) {
			return (typeId.getTypeId() == null) ? new ErrorMessage(ErrorCode.MISSING_FIELD, "type is required")
					: new ErrorMessage(ErrorCode.UNKNOWN_TYPE, "unknown type '" + typeId.getTypeId()
							+ "'; expected one of " + String.join(", ", CommandTypes.names()));
		}
		if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			return new ErrorMessage(ErrorCode.INVALID_FIELD, field + " " + expectation(mismatch.getTargetType()));
		}
		return new ErrorMessage(ErrorCode.INVALID_JSON, "the body is not valid JSON: " + firstLine(json));
	}

	private static String expectation(@Nullable Class<?> type) {
		if (type == null) {
			return "has an invalid value";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.toString(type.getEnumConstants());
		}
		if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
			return "must be a number";
		}
		return (type == String.class) ? "must be a string" : "has an invalid value";
	}

	private static String firstLine(JacksonException json) {
		String message = json.getOriginalMessage();
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
