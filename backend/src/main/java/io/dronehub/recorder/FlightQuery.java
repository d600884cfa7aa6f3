package io.dronehub.recorder;

import org.jspecify.annotations.Nullable;

/**
 * Which flights to list, and which page of them.
 *
 * @param droneId only this drone's flights, or {@code null} for every drone
 * @param pilot only flights this pilot flew, or {@code null}
 * @param fromMillis only flights still under way at or after this time, epoch
 * milliseconds, or {@code null}
 * @param toMillis only flights started at or before this time, epoch milliseconds, or
 * {@code null}
 * @param page the page, from 0
 * @param size flights per page
 */
record FlightQuery(@Nullable String droneId, @Nullable String pilot, @Nullable Long fromMillis, @Nullable Long toMillis,
		int page, int size) {
}
