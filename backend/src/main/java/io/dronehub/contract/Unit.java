package io.dronehub.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The unit of a numeric field of a wire payload, shown in the API document as
 * {@code x-unit}. On a record component it applies to the field.
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Unit {

	/**
	 * The unit's symbol.
	 * @return e.g. {@code m}, {@code m/s}, {@code deg}, {@code ms}
	 */
	String value();

}
