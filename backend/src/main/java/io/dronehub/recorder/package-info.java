/**
 * The flight recorder: every flight's states and events, kept in a database off the
 * simulation thread, and read back over HTTP.
 */
@NullMarked
package io.dronehub.recorder;

import org.jspecify.annotations.NullMarked;
