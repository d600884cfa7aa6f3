package io.dronehub.command;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * The wire names of command types, read from the one place that maps them: the
 * {@link JsonSubTypes} annotation on {@link Command}.
 */
final class CommandTypes {

	private static final JsonSubTypes.Type[] TYPES = Command.class.getAnnotation(JsonSubTypes.class).value();

	private CommandTypes() {
	}

	static List<String> names() {
		return Arrays.stream(TYPES).map(JsonSubTypes.Type::name).toList();
	}

	static String nameOf(Command command) {
		return Arrays.stream(TYPES)
			.filter((type) -> type.value() == command.getClass())
			.map(JsonSubTypes.Type::name)
			.findFirst()
			.orElseThrow();
	}

}
