/**
 * Pilot commands: the sealed command types of the wire contract, their structural
 * validation, and the STOMP controller that hands them to the simulation.
 */
@NullMarked
package io.dronehub.command;

import org.jspecify.annotations.NullMarked;
