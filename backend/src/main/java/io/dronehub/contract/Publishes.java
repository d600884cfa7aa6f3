package io.dronehub.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a destination that the annotated class publishes to outside a message
 * handler's return value, so that the API document lists it. Reference the same constant
 * the class sends to, so the two cannot drift.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Publishes.List.class)
public @interface Publishes {

	/**
	 * The destination as subscribers write it; a part in braces varies and names the
	 * payload field it comes from.
	 * @return e.g. {@code /topic/drones/{droneId}/telemetry} or
	 * {@code /user/queue/errors}
	 */
	String destination();

	/**
	 * The type of the message body.
	 * @return a record serialised as JSON
	 */
	Class<?> payload();

	/**
	 * What subscribers receive there and when.
	 * @return one or two sentences
	 */
	String description();

	/**
	 * The container of repeated {@link Publishes} declarations.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		/**
		 * The declarations.
		 * @return one per destination
		 */
		Publishes[] value();

	}

}
