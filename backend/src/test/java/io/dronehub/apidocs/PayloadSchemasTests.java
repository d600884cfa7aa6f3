package io.dronehub.apidocs;

import java.util.List;

import io.dronehub.flight.DroneState;
import io.dronehub.flight.FleetEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone schema of a payload type, for tools that read one type's schema alone:
 * the same schema as the AsyncAPI document's, without references.
 */
class PayloadSchemasTests {

	@ParameterizedTest
	@ValueSource(classes = { DroneState.class, FleetEvent.class })
	void aStandaloneSchemaIsTheDocumentsSchemaWithEveryReferenceInlined(Class<?> type) {
		PayloadSchemas document = new PayloadSchemas(List.of());
		JsonNode reference = document.schema(type);
		ObjectNode definitions = document.definitions();

		ObjectNode standalone = PayloadSchemas.standalone(type);

		assertThat(standalone.get("$schema").asString()).isEqualTo("http://json-schema.org/draft-07/schema#");
		assertThat(standalone.toString()).doesNotContain("$ref").doesNotContain("allOf");
		standalone.remove("$schema");
		assertThat(standalone).isEqualTo(inlined(reference, definitions));
	}

	private static JsonNode inlined(JsonNode schema, ObjectNode definitions) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return inlined(definitions.get(name), definitions);
		}
		JsonNode copy = schema.deepCopy();
		if (copy instanceof ObjectNode object) {
			object.properties().forEach((entry) -> entry.setValue(inlined(entry.getValue(), definitions)));
			if (object.size() == 1 && object.has("allOf")) {
				// the document keeps a description beside a reference with allOf, as
				// draft 7
				// ignores what stands beside a $ref; with nothing to refer to, they merge
				ObjectNode merged = object.objectNode();
				object.get("allOf").forEach((part) -> merged.setAll((ObjectNode) part));
				return merged;
			}
		}
		else if (copy.isArray()) {
			for (int i = 0; i < copy.size(); i++) {
				((ArrayNode) copy).set(i, inlined(copy.get(i), definitions));
			}
		}
		return copy;
	}

}
