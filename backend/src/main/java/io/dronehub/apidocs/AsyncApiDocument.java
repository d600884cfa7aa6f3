package io.dronehub.apidocs;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.dronehub.apidocs.StompOperation.Action;
import io.dronehub.contract.Role;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ResolvableType;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * The AsyncAPI 3.0 document of the STOMP API, written from the operations found in the
 * code, the roles the authorisation rules allow for each, and the payload schemas. It is
 * built once, on first use, and copied for each request with that request's host.
 * Thread-safe.
 */
final class AsyncApiDocument {

	/** The version of the wire contract: destinations and fields of 1.x only grow. */
	static final String CONTRACT_VERSION = "1.x";

	private static final String SECURITY_SCHEME = "#/components/securitySchemes/login";

	private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	private final StompDestinations destinations;

	private final DestinationRoles roles;

	private final String endpoint;

	private final String hubVersion;

	private final SingletonSupplier<ObjectNode> document = SingletonSupplier.of(this::write);

	/**
	 * Creates the document of an application.
	 * @param destinations finds the destinations
	 * @param roles finds who may use each
	 * @param endpoint the path of the STOMP WebSocket endpoint, e.g. {@code /ws}
	 * @param hubVersion the application's version
	 */
	AsyncApiDocument(StompDestinations destinations, DestinationRoles roles, String endpoint, String hubVersion) {
		this.destinations = destinations;
		this.roles = roles;
		this.endpoint = endpoint;
		this.hubVersion = hubVersion;
	}

	/**
	 * The document, with the server where a client reached it.
	 * @param host the host and port, e.g. {@code localhost:8080}
	 * @param contextPath the path the application is served under, often empty
	 * @return a copy of the document the caller may change
	 */
	ObjectNode forServer(String host, String contextPath) {
		ObjectNode copy = this.document.obtain().deepCopy();
		ObjectNode server = (ObjectNode) copy.get("servers").get("hub");
		server.put("host", host);
		server.put("pathname", contextPath + this.endpoint);
		return copy;
	}

	private ObjectNode write() {
		List<StompOperation> operations = this.destinations.operations();
		PayloadSchemas schemas = new PayloadSchemas(operations.stream()
			.filter((operation) -> operation.action() == Action.RECEIVE)
			.flatMap((operation) -> operation.payloads().stream())
			.map(AsyncApiDocument::payloadClass)
			.toList());
		ObjectNode messages = json.objectNode();
		ObjectNode channels = json.objectNode();
		for (StompOperation operation : operations) {
			ObjectNode channel = (ObjectNode) channels.get(channelId(operation.address()));
			if (channel == null) {
				channel = channel(operation);
				channels.set(channelId(operation.address()), channel);
			}
			for (Type payload : operation.payloads()) {
				String name = messageName(payload);
				if (!messages.has(name)) {
					messages.set(name, message(name, payload, schemas));
				}
				((ObjectNode) channel.get("messages")).set(name, reference("#/components/messages/" + name));
			}
		}
		ObjectNode operationsNode = json.objectNode();
		for (StompOperation operation : operations) {
			String channelId = channelId(operation.address());
			operationsNode.set(operation.action().name().toLowerCase() + StringUtils.capitalize(channelId),
					operation(operation, channelId, channels));
		}
		ObjectNode document = json.objectNode();
		document.put("asyncapi", "3.0.0");
		document.set("info", info());
		document.set("servers", json.objectNode().set("hub", server()));
		document.put("defaultContentType", "application/json");
		document.set("channels", channels);
		document.set("operations", operationsNode);
		ObjectNode components = document.putObject("components");
		components.set("schemas", schemas.definitions());
		components.set("messages", messages);
		components.putObject("securitySchemes").set("login", securityScheme());
		return document;
	}

	private ObjectNode info() {
		ObjectNode info = json.objectNode();
		info.put("title", "Drone Telemetry Hub");
		info.put("version", CONTRACT_VERSION);
		info.put("description", "Live telemetry of a simulated drone fleet, control of its drones, and replays "
				+ "of their recorded flights, over STOMP 1.2 on a WebSocket. Bodies are JSON; numbers carry their unit as x-unit. Within contract "
				+ CONTRACT_VERSION + " destinations, fields and their meanings do not change and nothing is removed; "
				+ "new optional fields and enum values may be added, so ignore what you do not know. Each operation "
				+ "lists in x-roles the roles that may SEND to it (receive) or SUBSCRIBE to it (send).");
		info.put("x-hub-version", this.hubVersion);
		return info;
	}

	private ObjectNode server() {
		ObjectNode server = json.objectNode();
		server.put("host", "localhost");
		server.put("pathname", this.endpoint);
		server.put("protocol", "stomp");
		server.put("protocolVersion", "1.2");
		server.put("title", "The hub's STOMP endpoint");
		server.put("description", "STOMP 1.2 frames over a plain WebSocket: ws://HOST" + this.endpoint
				+ " (wss:// behind TLS), bodies with content-type application/json.");
		server.putArray("security").add(reference(SECURITY_SCHEME));
		return server;
	}

	private static ObjectNode securityScheme() {
		ObjectNode scheme = json.objectNode();
		scheme.put("type", "userPassword");
		scheme.put("description", "The login and passcode headers of the CONNECT frame, or, with an identity "
				+ "provider configured, an Authorization header \"Bearer <JWT>\" in their place. A client that sends "
				+ "neither connects as an anonymous " + Role.OBSERVER
				+ " while hub.security.anonymous-observers is true.");
		return scheme;
	}

	private static ObjectNode channel(StompOperation operation) {
		ObjectNode channel = json.objectNode();
		channel.put("address", operation.address());
		channel.putObject("messages");
		Matcher parameters = PARAMETER.matcher(operation.address());
		while (parameters.find()) {
			String name = parameters.group(1);
			ObjectNode parameter = json.objectNode();
			String description = PayloadSchemas.propertyDescription(payloadClass(operation.payloads().get(0)), name);
			if (description != null) {
				parameter.put("description", description);
			}
			parameter.put("location", "$message.payload#/" + name);
			ObjectNode declared = (ObjectNode) channel.get("parameters");
			(declared != null ? declared : channel.putObject("parameters")).set(name, parameter);
		}
		return channel;
	}

	private ObjectNode operation(StompOperation operation, String channelId, ObjectNode channels) {
		ObjectNode node = json.objectNode();
		node.put("action", operation.action().name().toLowerCase());
		node.set("channel", reference("#/channels/" + channelId));
		String description = description(operation);
		if (!description.isEmpty()) {
			node.put("description", description);
		}
		ArrayNode messages = node.putArray("messages");
		operation.payloads()
			.forEach((payload) -> messages
				.add(reference("#/channels/" + channelId + "/messages/" + messageName(payload))));
		if (operation.replyAddress() != null) {
			String replyId = channelId(operation.replyAddress());
			ObjectNode reply = node.putObject("reply");
			reply.set("channel", reference("#/channels/" + replyId));
			ArrayNode replyMessages = reply.putArray("messages");
			ObjectNode replyChannel = (ObjectNode) channels.get(replyId);
			if (replyChannel != null) {
				replyChannel.get("messages")
					.propertyNames()
					.forEach((name) -> replyMessages.add(reference("#/channels/" + replyId + "/messages/" + name)));
			}
		}
		ArrayNode allowed = node.putArray("x-roles");
		this.roles.allowed(operation).forEach((role) -> allowed.add(role.name()));
		return node;
	}

	private static String description(StompOperation operation) {
		List<String> sentences = new ArrayList<>();
		if (!operation.repliesTo().isEmpty()) {
			sentences.add("The reply to each request sent to " + String.join(" or ", operation.repliesTo()) + ".");
		}
		sentences.addAll(operation.notes());
		return String.join(" ", sentences);
	}

	private static ObjectNode message(String name, Type payload, PayloadSchemas schemas) {
		ObjectNode message = json.objectNode();
		message.put("name", name);
		message.put("title", name);
		Class<?> type = payloadClass(payload);
		JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
		if (!name.equals(type.getSimpleName())) {
			message.put("summary", "An array of " + type.getSimpleName() + ".");
		}
		else if (description != null) {
			message.put("summary", description.value());
		}
		message.put("contentType", "application/json");
		message.set("payload", schemas.schema(payload));
		return message;
	}

	/** The class of a payload, or of its elements where it is a collection. */
	private static Class<?> payloadClass(Type payload) {
		ResolvableType type = ResolvableType.forType(payload);
		return type.isArray() || Iterable.class.isAssignableFrom(type.toClass())
				? ((type.isArray()) ? type.getComponentType() : type.as(Iterable.class).getGeneric(0)).toClass()
				: type.toClass();
	}

	private static String messageName(Type payload) {
		Class<?> type = payloadClass(payload);
		return (type == ResolvableType.forType(payload).toClass()) ? type.getSimpleName()
				: type.getSimpleName() + "List";
	}

	/**
	 * {@code /topic/drones/{droneId}/telemetry} becomes
	 * {@code topicDronesDroneIdTelemetry}.
	 */
	private static String channelId(String address) {
		StringBuilder id = new StringBuilder();
		for (String word : address.split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				id.append(id.isEmpty() ? word : StringUtils.capitalize(word));
			}
		}
		return id.toString();
	}

	private static ObjectNode reference(String pointer) {
		return json.objectNode().put("$ref", pointer);
	}

}
