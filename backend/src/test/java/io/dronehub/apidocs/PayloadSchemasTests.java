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

	/**
	 * The document keeps a description beside a reference with allOf, as draft 7 ignores
	 * what stands beside a $ref; with nothing to refer to, they merge.
	 */
	private static ObjectNode describedMerged(ObjectNode object) {
		if (object.size() != 1 || !object.has("allOf")) {
			return object;
		}
		ObjectNode merged = object.objectNode();
		object.get("allOf").forEach((part) -> merged.setAll((ObjectNode) part));
		return merged;
	}

	/**
	 * A nullable object: the document's "null or a reference", inlined, is the object
	 * with both types and the property's description.
	 */
	private static ObjectNode nullableMerged(ObjectNode object) {
		JsonNode parts = object.get("anyOf");
		if (object.size() != 2 || !object.has("description") || parts == null || parts.size() != 2
				|| !parts.get(0).path("type").asString().equals("null")
				|| !parts.get(1).path("type").asString().equals("object")) {
			return object;
		}
		ObjectNode merged = ((ObjectNode) parts.get(1)).deepCopy();
		merged.putArray("type").add("object").add("null");
		merged.set("description", object.get("description"));
		return merged;
	}

	private static JsonNode inlined(JsonNode schema, ObjectNode definitions) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return inlined(definitions.get(name), definitions);
		}
		JsonNode copy = schema.deepCopy();
		if (copy instanceof ObjectNode object) {
			object.properties().forEach((entry) -> entry.setValue(inlined(entry.getValue(), definitions)));
			return nullableMerged(describedMerged(object));
		}
		else if (copy.isArray()) {
			for (int i = 0; i < copy.size(); i++) {
				((ArrayNode) copy).set(i, inlined(copy.get(i), definitions));
			}
		}
		return copy;
	}

}
