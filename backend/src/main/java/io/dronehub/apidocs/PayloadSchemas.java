package io.dronehub.apidocs;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import io.dronehub.contract.Unit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * JSON Schemas of payload types, in the draft-07 dialect that AsyncAPI's schema format
 * extends, collected under {@code components/schemas}. Descriptions come from Jackson's
 * {@code @JsonClassDescription} and {@code @JsonPropertyDescription} (on a record
 * component or on the interface method it implements), units from {@link Unit} as
 * {@code x-unit}; a component marked {@link Nullable} may be {@code null} and need not be
 * sent, every other one is required. The hub writes every field of what it sends, but
 * those that {@code @JsonInclude(NON_NULL)} leaves out when {@code null}. A
 * {@link JsonTypeInfo} hierarchy becomes a {@code oneOf} of its subtypes told apart by
 * their type property. An instance, which collects the schemas of one document, is used
 * by one thread; {@link #standalone} is thread-safe.
 */
public final class PayloadSchemas {

	private final SchemaBuilder builder;

	/**
	 * Creates the schemas of one document.
	 * @param received the payload types clients send: their nullable fields may be left
	 * out, while the hub writes every field of what it sends, {@code null} or not, unless
	 * it is marked to be left out when {@code null}
	 */
	PayloadSchemas(Collection<Class<?>> received) {
		this.builder = generator(received, Option.DEFINITIONS_FOR_ALL_OBJECTS).buildMultipleSchemaDefinitions();
	}

	/**
	 * The schema of one type the hub sends, on its own: every type it uses is written
	 * inline, with no references, for tools that read one message's schema without the
	 * AsyncAPI document around it (such as the channels of an MCAP file). Where a
	 * property's type is an object, the property's description replaces the type's, so
	 * that every object is a plain {@code "type": "object"} with its {@code properties}.
	 * @param type a record the hub sends, whose types do not refer to themselves
	 * @return a new draft-07 schema the caller may change
	 */
	public static ObjectNode standalone(Class<?> type) {
		ObjectNode schema = generator(List.of(), Option.INLINE_ALL_SCHEMAS).generateSchema(type);
		mergeDescribedTypes(schema);
		return schema;
	}

	/**
	 * Replaces each {@code allOf} of an inlined type and the description of the property
	 * it is the type of, which the generator writes, by the type with that description.
	 */
	private static void mergeDescribedTypes(JsonNode schema) {
		for (JsonNode child : schema) {
			mergeDescribedTypes(child);
		}
		if (schema instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				JsonNode value = object.get(name);
				JsonNode parts = value.get("allOf");
				if (value.size() == 1 && parts != null && parts.size() == 2 && parts.get(1).size() == 1
						&& parts.get(1).has("description")) {
					object.set(name,
							((ObjectNode) parts.get(0)).put("description", parts.get(1).get("description").asString()));
				}
			}
		}
	}

	private static SchemaGenerator generator(Collection<Class<?>> received, Option definitions) {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonSchemaModule(JacksonOption.INLINE_TRANSFORMED_SUBTYPES))
			.with(definitions);
		config.forTypesInGeneral()
			.withPropertySorter((first, second) -> 0)
			.withTypeAttributeOverride(PayloadSchemas::oneOfSubtypes);
		config.forFields()
			.withDescriptionResolver(PayloadSchemas::description)
			.withNullableCheck(PayloadSchemas::nullable)
			.withRequiredCheck(
					(field) -> !nullable(field) || !(sentByClients(received, field) || leftOutWhenNull(field)))
			.withInstanceAttributeOverride(PayloadSchemas::unit);
		return new SchemaGenerator(config.build());
	}

	/**
	 * The schema of a payload type, as a reference into {@link #definitions()}, or inline
	 * where the type is a list of such.
	 * @param type a record, a sealed interface or a collection of them
	 * @return the schema
	 */
	ObjectNode schema(Type type) {
		return this.builder.createSchemaReference(type);
	}

	/**
	 * The definitions of every type referenced so far; call once, after the last
	 * {@link #schema(Type)}.
	 * @return the definitions by type name
	 */
	ObjectNode definitions() {
		return this.builder.collectDefinitions("components/schemas");
	}

	/**
	 * The description of a property of a payload type, from its accessor or the interface
	 * method that accessor implements.
	 * @param type the payload type
	 * @param property the property's name
	 * @return the description, or {@code null} if there is none
	 */
	static @Nullable String propertyDescription(Class<?> type, String property) {
		Method accessor = ReflectionUtils.findMethod(type, property);
		JsonPropertyDescription description = (accessor != null)
				? AnnotatedElementUtils.findMergedAnnotation(accessor, JsonPropertyDescription.class) : null;
		return (description != null) ? description.value() : null;
	}

	private static @Nullable String description(FieldScope field) {
		JsonPropertyDescription description = field
			.getAnnotationConsideringFieldAndGetter(JsonPropertyDescription.class);
		return (description != null) ? description.value()
				: propertyDescription(field.getDeclaringType().getErasedType(), field.getName());
	}

	private static boolean sentByClients(Collection<Class<?>> received, FieldScope field) {
		Class<?> declaring = field.getDeclaringType().getErasedType();
		return received.stream().anyMatch((type) -> type.isAssignableFrom(declaring));
	}

	private static boolean leftOutWhenNull(FieldScope field) {
		JsonInclude include = field.getAnnotationConsideringFieldAndGetter(JsonInclude.class);
		return include != null && include.value() == JsonInclude.Include.NON_NULL;
	}

	private static boolean nullable(FieldScope field) {
		return field.getRawMember().getAnnotatedType().isAnnotationPresent(Nullable.class);
	}

	private static void unit(ObjectNode schema, FieldScope field, SchemaGenerationContext context) {
		Unit unit = field.getAnnotationConsideringFieldAndGetter(Unit.class);
		if (unit != null) {
			schema.put("x-unit", unit.value());
		}
	}

	private static void oneOfSubtypes(ObjectNode schema, TypeScope type, SchemaGenerationContext context) {
		Class<?> erased = type.getType().getErasedType();
		JsonTypeInfo typeInfo = erased.getAnnotation(JsonTypeInfo.class);
		if (typeInfo != null && schema.has("anyOf")) {
			schema.set("oneOf", schema.remove("anyOf"));
			schema.put("discriminator", typeInfo.property());
			JsonClassDescription description = erased.getAnnotation(JsonClassDescription.class);
			if (description != null) {
				schema.put("description", description.value());
			}
		}
	}

}
