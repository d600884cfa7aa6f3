package io.dronehub.benchmark;

import java.nio.charset.StandardCharsets;

/**
 * Builds telemetry JSON shaped exactly like the hub's {@code DroneState} (same fields,
 * same order, similar length), for servers and publishers that stand in for the hub.
 */
public final class TelemetryPayload {

	private static final double HOME_LAT = -22.9519;

	private static final double HOME_LON = -43.2105;

	private TelemetryPayload() {
	}

	/**
	 * The JSON of one drone's state.
	 * @param droneNumber the drone's number, 1 for {@code d1}
	 * @param seq the drone's sequence number
	 * @param timestamp when the state was computed, epoch milliseconds
	 * @return UTF-8 JSON, about 300 bytes
	 */
	public static byte[] json(int droneNumber, long seq, long timestamp) {
		double lat = HOME_LAT + droneNumber * 0.0001 + (seq % 1000) * 0.0000001;
		double lon = HOME_LON + droneNumber * 0.0001;
		double heading = (seq * 3.7) % 360;
		StringBuilder json = new StringBuilder(320);
		json.append("{\"droneId\":\"d").append(droneNumber).append("\",\"seq\":").append(seq);
		json.append(",\"timestamp\":").append(timestamp);
		json.append(",\"mode\":\"GOTO\",\"armed\":true,\"position\":{\"lat\":").append(round(lat, 7));
		json.append(",\"lon\":").append(round(lon, 7)).append(",\"alt\":15.42}");
		json.append(",\"velocity\":{\"north\":3.21,\"east\":-1.07,\"up\":0.0},\"groundSpeed\":3.38");
		json.append(",\"heading\":").append(round(heading, 1));
		json.append(",\"battery\":{\"percent\":87.5,\"voltage\":15.92}");
		json.append(",\"home\":{\"lat\":").append(HOME_LAT).append(",\"lon\":").append(HOME_LON).append('}');
		json.append(",\"pilot\":null,\"failsafe\":null}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
