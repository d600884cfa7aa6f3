package io.dronehub.foxglove;

import java.util.Collection;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON messages of the Foxglove WebSocket protocol that the hub sends; a status is a
 * {@link #WARNING} or an {@link #ERROR} (the protocol's levels 1 and 2).
 */
final class FoxgloveMessages {

	static final int WARNING = 1;

	static final int ERROR = 2;

	private static final JsonMapper json = JsonMapper.builder().build();

	private FoxgloveMessages() {
	}

	static String serverInfo(String name, String sessionId, List<String> capabilities) {
		ObjectNode info = op("serverInfo");
		info.put("name", name);
		ArrayNode offered = info.putArray("capabilities");
		capabilities.forEach(offered::add);
		info.putArray("supportedEncodings").add("json");
		info.putObject("metadata");
		info.put("sessionId", sessionId);
		return info.toString();
	}

	static String advertise(Collection<FoxgloveChannel> channels) {
		ObjectNode advertise = op("advertise");
		ArrayNode list = advertise.putArray("channels");
		channels.forEach((channel) -> list.add(json.valueToTree(channel)));
		return advertise.toString();
	}

	static String unadvertise(Collection<Integer> channelIds) {
		ObjectNode unadvertise = op("unadvertise");
		ArrayNode list = unadvertise.putArray("channelIds");
		channelIds.forEach(list::add);
		return unadvertise.toString();
	}

	static String status(int level, String message) {
		ObjectNode status = op("status");
		status.put("level", level);
		status.put("message", message);
		return status.toString();
	}

	private static ObjectNode op(String op) {
		ObjectNode message = json.createObjectNode();
		message.put("op", op);
		return message;
	}

}
