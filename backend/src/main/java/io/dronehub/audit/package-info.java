/**
 * The audit trail: who logged in, from where, and what they were allowed to do, one line
 * each in the {@code io.dronehub.audit} log category, for an operator to ship to a log
 * system.
 */
@NullMarked
package io.dronehub.audit;

import org.jspecify.annotations.NullMarked;
