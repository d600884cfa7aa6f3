package io.dronehub.apidocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dronehub.NodeScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document served at {@code /asyncapi.json}: it names every destination the
 * code handles or publishes to, describes payloads with units and roles, and passes the
 * official AsyncAPI parser ({@code @asyncapi/parser}, which the build installs from
 * {@code backend/src/test/asyncapi/package-lock.json}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hub.simulation.clock=manual")
@ActiveProfiles("it")
class AsyncApiDocumentIntegrationTests {

	/**
	 * Destinations as the code writes them in string literals: /app/…, /topic/…,
	 * /queue/…, /user/….
	 */
	private static final Pattern DESTINATION_LITERAL = Pattern.compile("\"(/(?:app|topic|queue|user)/[^\"]*)\"");

	private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

	/**
	 * The nodes of a cluster talk to each other on their broker's destinations, which are
	 * not the hub's: no client sees them.
	 */
	private static final Path BROKER_SOURCES = MAIN_SOURCES.resolve(Path.of("io", "dronehub", "cluster"));

	private static final Path VALIDATOR = Path.of("src", "test", "asyncapi");

	@LocalServerPort
	private int port;

	@Autowired
	private SimpAnnotationMethodMessageHandler handlers;

	private JsonNode document;

	@BeforeEach
	void fetchDocument() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/asyncapi.json")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("served without credentials").isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		this.document = JsonMapper.shared().readTree(response.body());
	}

	@Test
	void everyHandledDestinationIsInTheDocument() {
		Set<String> handled = new TreeSet<>();
		this.handlers.getHandlerMethods()
			.keySet()
			.forEach((mapping) -> mapping.getDestinationConditions()
				.getPatterns()
				.forEach((pattern) -> this.handlers.getDestinationPrefixes()
					.forEach((prefix) -> handled.add(prefix.replaceAll("/$", "") + pattern))));
		assertThat(handled).contains("/app/command", "/app/control", "/app/replay", "/app/fleet", "/app/events");
		assertThat(addresses()).containsAll(handled);
	}

	@Test
	void everyDestinationWrittenInTheCodeIsInTheDocument() throws IOException {
		Set<String> written = destinationsWrittenIn(MAIN_SOURCES);
		assertThat(written).as("destination literals found in " + MAIN_SOURCES.toAbsolutePath())
			.contains("/topic/telemetry", "/topic/events", "/queue/replies", "/queue/errors", "/queue/replay");
		List<String> missing = written.stream().filter((literal) -> !documented(literal)).toList();
		assertThat(missing).as("destinations in the code but not in /asyncapi.json %s", addresses()).isEmpty();
	}

	@Test
	void operationsCarryTheRolesTheAuthorisationRulesAllow() {
		assertThat(roles("receiveAppCommand")).containsExactly("PILOT", "ADMIN");
		assertThat(roles("receiveAppControl")).containsExactly("PILOT", "ADMIN");
		assertThat(roles("receiveAppMission")).containsExactly("PILOT", "ADMIN");
		assertThat(this.document.at("/operations/receiveAppMission/reply/channel/$ref").asString())
			.isEqualTo("#/channels/userQueueReplies");
		assertThat(this.document.at("/components/schemas/MissionItem/required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("lat", "lon", "altitude");
		assertThat(roles("sendTopicTelemetry")).containsExactly("OBSERVER", "PILOT", "ADMIN");
		assertThat(roles("sendTopicDronesDroneIdTelemetry")).containsExactly("OBSERVER", "PILOT", "ADMIN");
		assertThat(roles("sendAppEvents")).containsExactly("OBSERVER", "PILOT", "ADMIN")
			.isEqualTo(roles("sendAppFleet"));
		assertThat(this.document.at("/operations/receiveAppCommand/reply/channel/$ref").asString())
			.isEqualTo("#/channels/userQueueReplies");
		assertThat(roles("receiveAppReplay")).as("whoever may read recorded flights")
			.containsExactly("OBSERVER", "PILOT", "ADMIN");
		assertThat(roles("sendUserQueueReplay")).containsExactly("OBSERVER", "PILOT", "ADMIN");
		assertThat(this.document.at("/operations/receiveAppReplay/reply/channel/$ref").asString())
			.isEqualTo("#/channels/userQueueReplies");
	}

	@Test
	void replayRequestsAndFramesAreDescribed() {
		JsonNode schemas = this.document.at("/components/schemas");
		assertThat(schemas.at("/ReplayRequest/required").valueStream().map(JsonNode::asString))
			.containsExactly("flightId");
		assertThat(schemas.at("/ReplayRequest/properties/offsetMs/x-unit").asString()).isEqualTo("ms");
		assertThat(schemas.at("/ReplayAction/enum").valueStream().map(JsonNode::asString)).containsExactly("PLAY",
				"PAUSE", "RESUME", "STOP");
		assertThat(schemas.at("/ReplayFrame/properties/states/items/allOf/0/$ref").asString())
			.isEqualTo("#/components/schemas/DroneState");
		assertThat(schemas.at("/ReplayFrame/properties/positionMs/x-unit").asString()).isEqualTo("ms");
		assertThat(schemas.at("/ReplayStatus/enum").valueStream().map(JsonNode::asString)).containsExactly("PLAYING",
				"PAUSED", "ENDED", "STOPPED");
		assertThat(this.document.at("/operations/sendUserQueueReplay/messages/0/$ref").asString())
			.isEqualTo("#/channels/userQueueReplay/messages/ReplayFrame");
		assertThat(this.document.at("/operations/sendUserQueueReplay/description").asString())
			.contains("ENDED or STOPPED last");
		assertThat(schemas.at("/CommandReply/properties/droneId/type").valueStream().map(JsonNode::asString))
			.as("null for a replay of an unknown flight")
			.contains("null");
	}

	@Test
	void payloadsAreDescribedWithUnitsAndCommandsAreOneOfTheirTypes() {
		JsonNode schemas = this.document.at("/components/schemas");
		assertThat(schemas.at("/Command/discriminator").asString()).isEqualTo("type");
		assertThat(schemas.at("/Command/oneOf")).hasSize(9);
		assertThat(schemas.at("/Takeoff/properties/type/const").asString()).isEqualTo("TAKEOFF");
		assertThat(schemas.at("/Takeoff/properties/altitude/x-unit").asString()).isEqualTo("m");
		assertThat(schemas.at("/Takeoff/required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("type", "droneId", "altitude");
		assertThat(schemas.at("/Move/properties/yawRate/x-unit").asString()).isEqualTo("deg/s");
		assertThat(schemas.at("/DroneState/properties/heading/x-unit").asString()).isEqualTo("deg");
		assertThat(schemas.at("/DroneState/properties/heading/description").asString()).contains("clockwise");
		assertThat(schemas.at("/DroneState/required").valueStream().map(JsonNode::asString))
			.as("the hub writes every field, null or not, but control")
			.hasSize(13)
			.contains("pilot", "failsafe")
			.doesNotContain("control");
		assertThat(schemas.at("/ControlStatus/properties/request/allOf/0/$ref").asString())
			.isEqualTo("#/components/schemas/WaitingRequest-nullable");
		assertThat(schemas.at("/WaitingRequest/properties/expiresAt/x-unit").asString()).isEqualTo("ms");
		assertThat(schemas.at("/ErrorCode/enum").valueStream().map(JsonNode::asString)).contains("INVALID_JSON",
				"FORBIDDEN");
		assertThat(this.document.at("/operations/sendAppEvents/messages/0/$ref").asString())
			.isEqualTo("#/channels/appEvents/messages/FleetEventList");
		assertThat(this.document.at("/components/messages/FleetEventList/payload/type").asString()).isEqualTo("array");
		assertThat(this.document.at("/components/messages/FleetEventList/payload/items/$ref").asString())
			.isEqualTo("#/components/schemas/FleetEvent");
		assertThat(this.document.at("/info/version").asString()).isEqualTo("1.x");
		assertThat(this.document.at("/servers/hub/pathname").asString()).isEqualTo("/ws");
		assertThat(this.document.at("/servers/hub/host").asString()).isEqualTo("localhost:" + this.port);
	}

	@Test
	void officialParserFindsNoErrors() throws Exception {
		assertThat(VALIDATOR.resolve("node_modules/@asyncapi/parser"))
			.as("the AsyncAPI parser, which the build installs (./mvnw verify, or npm ci --prefix "
					+ "backend/src/test/asyncapi)")
			.isDirectory();
		Path file = Path.of("target", "asyncapi", "asyncapi.json");
		Files.createDirectories(file.getParent());
		Files.writeString(file, this.document.toPrettyString());
		String output = NodeScript.run(VALIDATOR, "validate.mjs", file);
		assertThat(output).contains("0 errors");
	}

	private List<String> roles(String operation) {
		return this.document.at("/operations/" + operation + "/x-roles").valueStream().map(JsonNode::asString).toList();
	}

	private List<String> addresses() {
		List<String> addresses = new ArrayList<>();
		this.document.get("channels").forEach((channel) -> addresses.add(channel.get("address").asString()));
		return addresses;
	}

	/**
	 * Whether a literal names a documented channel: {@code /queue/…} is a user
	 * destination ({@code /user/queue/…}), {@code *} and {@code {name}} stand for one
	 * segment, and a literal ending in {@code /} is the start of one.
	 */
	private boolean documented(String literal) {
		String destination = literal.startsWith("/queue/") ? "/user" + literal : literal;
		String sample = destination.replaceAll("\\*|\\{[^}/]+}", "x");
		return addresses().stream()
			.anyMatch((address) -> destination.endsWith("/") ? address.startsWith(destination)
					: sample.matches(Pattern.quote(address).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")));
	}

	private static Set<String> destinationsWrittenIn(Path sources) throws IOException {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter((file) -> file.toString().endsWith(".java") && !file.startsWith(BROKER_SOURCES))
				.forEach((file) -> {
					Matcher literals = DESTINATION_LITERAL.matcher(read(file));
					while (literals.find()) {
						found.add(literals.group(1));
					}
				});
		}
		return found;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
