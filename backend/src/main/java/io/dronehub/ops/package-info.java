/**
 * Operating the hub: the simulator's health and the {@code hub.*} metrics that Actuator
 * serves.
 */
@NullMarked
package io.dronehub.ops;

import org.jspecify.annotations.NullMarked;
