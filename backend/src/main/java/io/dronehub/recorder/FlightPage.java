package io.dronehub.recorder;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One page of flights, newest first, in the shape of Spring Data's {@code PagedModel}.
 *
 * @param content the flights on this page
 * @param page where this page is among all of them
 */
record FlightPage(@JsonPropertyDescription("the flights on this page, newest first") List<Flight> content,
		@JsonPropertyDescription("where this page is among all the flights that match") Metadata page) {

	static FlightPage of(List<Flight> content, int number, int size, long totalElements) {
		long totalPages = (totalElements + size - 1) / size;
		return new FlightPage(content, new Metadata(size, number, totalElements, totalPages));
	}

	/**
	 * Where a page is among all.
	 *
	 * @param size flights per page
	 * @param number this page, from 0
	 * @param totalElements how many flights match
	 * @param totalPages how many pages they fill
	 */
	record Metadata(long size, long number, long totalElements, long totalPages) {
	}

}
