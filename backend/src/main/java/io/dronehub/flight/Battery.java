package io.dronehub.flight;

/**
 * A drone's battery.
 *
 * @param percent remaining charge, 0 to 100
 * @param voltage pack voltage in volts
 */
public record Battery(double percent, double voltage) {
}
