package io.dronehub.map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the pages where the background map's tiles come from.
 */
@RestController
class MapController {

	private final MapProperties settings;

	MapController(MapProperties settings) {
		this.settings = settings;
	}

	@GetMapping("/api/map")
	MapSettings map() {
		return new MapSettings(this.settings.tiles(), this.settings.attribution(), this.settings.maxZoom());
	}

}
