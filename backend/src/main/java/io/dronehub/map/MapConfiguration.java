package io.dronehub.map;

import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the tile folder {@code hub.map.tile-directory}, when set, at {@code /tiles/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapProperties.class)
class MapConfiguration implements WebMvcConfigurer {

	private final MapProperties settings;

	MapConfiguration(MapProperties settings) {
		this.settings = settings;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		Path folder = this.settings.tileDirectory();
		if (folder != null) {
			String location = folder.toAbsolutePath().toUri().toString();
			registry.addResourceHandler("/tiles/**")
				.addResourceLocations(location.endsWith("/") ? location : location + "/");
		}
	}

}
