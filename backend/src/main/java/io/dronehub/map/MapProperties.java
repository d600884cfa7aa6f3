package io.dronehub.map;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The background map of the pages' map views. With neither a tile URL nor a tile folder
 * the views draw their grid alone, as offline.
 *
 * @param tileUrl the URL template of a tile server in the usual web mercator z/x/y
 * scheme, one the user runs or may use, e.g. https://tiles.example.org/{z}/{x}/{y}.png;
 * it wins over {@code tile-directory}; when unset, the maps have no tiles from a server
 * @param tileDirectory a folder of tiles laid out as {z}/{x}/{y}.png, served by the hub
 * at {@code /tiles/}, for sites without internet; when unset, the hub serves no tiles
 * @param attribution shown on the map, as the tiles' licence usually requires; when
 * unset, nothing is shown
 * @param maxZoom the deepest zoom level the tiles have
 */
@ConfigurationProperties("hub.map")
@Validated
public record MapProperties(
		@Pattern(regexp = "https?://.*\\{z}.*\\{x}.*\\{y}.*",
				message = "must be an http(s) URL with {z}, {x} and {y} in that order") @Nullable String tileUrl,
		@Nullable Path tileDirectory, @Nullable String attribution, @DefaultValue("19") @Min(0) @Max(22) int maxZoom) {

	/** Where the hub serves the tiles of {@link #tileDirectory()}. */
	static final String SERVED_TILES = "/tiles/{z}/{x}/{y}.png";

	/**
	 * The URL template the pages load tiles from.
	 * @return the tile server's, the hub's own for a tile folder, or {@code null} for
	 * none
	 */
	@Nullable String tiles() {
		if (this.tileUrl != null && !this.tileUrl.isBlank()) {
			return this.tileUrl;
		}
		return (this.tileDirectory != null) ? SERVED_TILES : null;
	}

}
