package io.dronehub.control;

/**
 * A connected pilot: the authenticated name shown in telemetry, and the STOMP session
 * that holds control.
 *
 * @param name the user's name
 * @param sessionId the STOMP session id
 */
public record Pilot(String name, String sessionId) {
}
