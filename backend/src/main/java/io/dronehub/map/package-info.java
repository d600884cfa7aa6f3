/**
 * The background map under the pages' overlays: tiles from a server the user names, or
 * from a folder the hub serves, and the settings the pages read.
 */
@NullMarked
package io.dronehub.map;

import org.jspecify.annotations.NullMarked;
