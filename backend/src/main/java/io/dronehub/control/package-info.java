/**
 * Who controls which drone: one pilot session per drone, acquired and released explicitly
 * and lost when that session disconnects.
 */
@NullMarked
package io.dronehub.control;

import org.jspecify.annotations.NullMarked;
