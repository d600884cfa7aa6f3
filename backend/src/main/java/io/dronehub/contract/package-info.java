/**
 * The vocabulary that the wire contract shares across the hub: roles, error codes and the
 * error payload, and the annotations that describe payload units and published
 * destinations. Imports nothing else of the hub, so every feature package may use it.
 */
@NullMarked
package io.dronehub.contract;

import org.jspecify.annotations.NullMarked;
