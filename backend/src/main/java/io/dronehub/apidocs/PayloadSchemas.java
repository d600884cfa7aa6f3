package io.dronehub.apidocs;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonClassDescription;
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
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * JSON Schemas of payload types, in the draft-07 dialect that AsyncAPI's schema format
 * extends, collected under {@code components/schemas}. Descriptions come from Jackson's
 * {@code @JsonClassDescription} and {@code @JsonPropertyDescription} (on a record
 * component or on the interface method it implements), units from {@link Unit} as
 * {@code x-unit}; a component marked {@link Nullable} may be {@code null} and need not be
 * sent, every other one is required. A {@link JsonTypeInfo} hierarchy becomes a
 * {@code oneOf} of its subtypes told apart by their type property. Used by one thread.
 */
final class PayloadSchemas {

	private final SchemaBuilder builder;

	/**
	 * Creates the schemas of one document.
	 * @param received the payload types clients send: their nullable fields may be left
	 * out, while the hub always writes every field of what it sends, {@code null} or not
	 */
	PayloadSchemas(Collection<Class<?>> received) {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonSchemaModule(JacksonOption.INLINE_TRANSFORMED_SUBTYPES))
			.with(Option.DEFINITIONS_FOR_ALL_OBJECTS);
		config.forTypesInGeneral()
			.withPropertySorter((first, second) -> 0)
			.withTypeAttributeOverride(PayloadSchemas::oneOfSubtypes);
		config.forFields()
			.withDescriptionResolver(PayloadSchemas::description)
			.withNullableCheck(PayloadSchemas::nullable)
			.withRequiredCheck((field) -> !nullable(field) || !sentByClients(received, field))
			.withInstanceAttributeOverride(PayloadSchemas::unit);
		this.builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
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
