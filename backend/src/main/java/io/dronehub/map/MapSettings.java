package io.dronehub.map;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * What a page needs to draw the background map.
 *
 * @param tileUrl the {@code {z}/{x}/{y}} template to load tiles from, or {@code null}
 * when the map has no tiles
 * @param attribution to show on the map, or {@code null}
 * @param maxZoom the deepest zoom level the tiles have
 */
@JsonClassDescription("The background map: where its tiles come from, and what to credit.")
public record MapSettings(
		@JsonPropertyDescription("an {z}/{x}/{y} URL template, or null for no tiles") @Nullable String tileUrl,
		@JsonPropertyDescription("the tiles' attribution, to show on the map, or null") @Nullable String attribution,
		@JsonPropertyDescription("the deepest zoom level the tiles have") int maxZoom) {
}
