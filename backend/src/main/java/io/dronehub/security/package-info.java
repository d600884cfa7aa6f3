/**
 * Who may fly and who may watch: users and roles, authentication in the STOMP CONNECT
 * frame, authorisation of every inbound frame, and the limits that keep one client from
 * hurting others.
 */
@NullMarked
package io.dronehub.security;

import org.jspecify.annotations.NullMarked;
