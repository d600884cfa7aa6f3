package io.dronehub.browser;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map over tiles that the hub serves from a folder the test makes, for a site without
 * internet: the dashboard draws them under its overlays, with their attribution.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.simulation.clock=manual", "hub.map.max-zoom=17",
				"hub.map.attribution=Tiles: a test pattern" })
@ActiveProfiles("it")
@Import(SteppedSimulationConfiguration.class)
class MapTilesBrowserIntegrationTests {

	/** The tiles' colour, which nothing else on the map is. */
	private static final Color TILE = new Color(200, 60, 160);

	private static final Path FOLDER = tiles();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void tileFolder(DynamicPropertyRegistry registry) {
		registry.add("hub.map.tile-directory", FOLDER::toString);
	}

	@BeforeEach
	void chromiumIsInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void theHubServesItsTileFolderAndSaysWhereTilesComeFrom() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> settings = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/map")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(settings.body()).isEqualTo(
				"{\"tileUrl\":\"/tiles/{z}/{x}/{y}.png\",\"attribution\":\"Tiles: a test pattern\",\"maxZoom\":17}");
		int column = column(-43.2105, 17);
		int row = row(-22.9519, 17);
		HttpResponse<byte[]> tile = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/tiles/17/" + column + "/" + row + ".png"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(tile.statusCode()).isEqualTo(200);
		assertThat(tile.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/tiles/17/0/0.png")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void theDashboardDrawsTheTilesUnderItsOverlays() {
		try (Browser spectator = Browser.open(1400, 1000)) {
			spectator.get("http://localhost:" + this.port + "/watch.html?drone=d1");
			spectator.awaitConnection("live");
			spectator.awaitAttribute("[data-map]", "data-tiles", "shown"::equals, "tiles shown");
			Object pixel = spectator.driver()
				.executeScript("const canvas = document.querySelector('[data-map]');"
						+ "const ratio = canvas.width / canvas.clientWidth;"
						+ "return Array.from(canvas.getContext('2d').getImageData(60 * ratio, 80 * ratio, 1, 1).data);");
			assertThat(pixel).asList()
				.as("a tile's colour under the grid: %s", pixel)
				.satisfies((rgba) -> assertThat(((Number) rgba.get(0)).intValue()).isBetween(170, 230))
				.satisfies((rgba) -> assertThat(((Number) rgba.get(1)).intValue()).isBetween(40, 90))
				.satisfies((rgba) -> assertThat(((Number) rgba.get(2)).intValue()).isBetween(130, 190));
			spectator.screenshot("map-tiles");
		}
	}

	/**
	 * Writes one-colour tiles over a few kilometres round the fleet's home, zooms 14 to
	 * 17.
	 */
	private static Path tiles() {
		try {
			Path folder = Files.createTempDirectory("hub-tiles");
			BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
			var graphics = image.createGraphics();
			graphics.setColor(TILE);
			graphics.fillRect(0, 0, 256, 256);
			graphics.setColor(TILE.darker());
			graphics.drawRect(0, 0, 255, 255);
			graphics.dispose();
			for (int zoom = 14; zoom <= 17; zoom++) {
				for (int x = column(-43.23, zoom); x <= column(-43.19, zoom); x++) {
					for (int y = row(-22.93, zoom); y <= row(-22.97, zoom); y++) {
						Path file = folder.resolve(zoom + "/" + x + "/" + y + ".png");
						Files.createDirectories(file.getParent());
						ImageIO.write(image, "png", file.toFile());
					}
				}
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int column(double lon, int zoom) {
		return (int) Math.floor((lon + 180) / 360 * (1 << zoom));
	}

	private static int row(double lat, int zoom) {
		double phi = Math.toRadians(lat);
		return (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1 << zoom));
	}

}
