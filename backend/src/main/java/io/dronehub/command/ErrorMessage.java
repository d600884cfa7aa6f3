package io.dronehub.command;

/**
 * An inbound frame that could not be understood at all, sent to the sender alone on
 * {@code /user/queue/errors}; the session stays connected.
 *
 * @param error the machine-readable code
 * @param message a human-readable explanation
 */
public record ErrorMessage(ErrorCode error, String message) {
}
