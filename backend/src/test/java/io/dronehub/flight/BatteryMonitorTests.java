package io.dronehub.flight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatteryMonitor}, stepped one second at a time with a battery that
 * hovers and recharges at 1% per second and alarms at 15% and 5%.
 */
class BatteryMonitorTests {

	private static final FlightProperties.BatterySettings SETTINGS = new FlightProperties.BatterySettings(
			Duration.ofSeconds(100), 15, 5, Duration.ofSeconds(100));

	private static final Motion HOVERING = new Motion(new Vector3(0, 0, 10), Vector3.ZERO);

	private final BatteryMonitor battery = new BatteryMonitor(new BatteryModel(SETTINGS), SETTINGS);

	@Test
	void aFullBatteryDrainsAtTheHoverRate() {
		assertThat(this.battery.percent()).isEqualTo(100);
		assertThat(this.battery.drain(FlightMode.HOLD, HOVERING, 1)).isEqualTo(BatteryMonitor.Alarm.NONE);
		assertThat(this.battery.percent()).isEqualTo(99);
		assertThat(this.battery.voltage()).isEqualTo(new BatteryModel(SETTINGS).voltage(99));
	}

	@Test
	void inFlightTheLowAndEmptyAlarmsAreRaisedOnceEach() {
		assertThat(hover(84)).containsOnly(BatteryMonitor.Alarm.NONE);
		assertThat(hover(1)).containsExactly(BatteryMonitor.Alarm.LOW);
		assertThat(hover(9)).containsOnly(BatteryMonitor.Alarm.NONE);
		assertThat(this.battery.empty()).isFalse();
		assertThat(hover(1)).containsExactly(BatteryMonitor.Alarm.EMPTY);
		assertThat(this.battery.empty()).isTrue();
		assertThat(hover(3)).containsOnly(BatteryMonitor.Alarm.NONE);
	}

	@Test
	void fallingThroughBothThresholdsInOneTickRaisesOnlyTheEmptyAlarm() {
		assertThat(this.battery.drain(FlightMode.HOLD, HOVERING, 96)).isEqualTo(BatteryMonitor.Alarm.EMPTY);
		assertThat(hover(2)).containsOnly(BatteryMonitor.Alarm.NONE);
	}

	@Test
	void onTheGroundNoAlarmIsRaised() {
		assertThat(this.battery.drain(FlightMode.ARMED, Motion.AT_REST_AT_HOME, 600))
			.isEqualTo(BatteryMonitor.Alarm.NONE);
		assertThat(this.battery.percent()).isLessThan(5);
		assertThat(this.battery.empty()).isFalse();
	}

	@Test
	void rechargingOnTheGroundClearsTheAlarms() {
		this.battery.drain(FlightMode.HOLD, HOVERING, 96);
		this.battery.drain(FlightMode.DISARMED, Motion.AT_REST_AT_HOME, 1);
		assertThat(this.battery.empty()).as("at 5%").isTrue();
		this.battery.drain(FlightMode.DISARMED, Motion.AT_REST_AT_HOME, 1);
		assertThat(this.battery.empty()).as("at 6%").isFalse();
		this.battery.drain(FlightMode.DISARMED, Motion.AT_REST_AT_HOME, 10);
		assertThat(hover(1)).as("16% to 15%, on the next flight").containsExactly(BatteryMonitor.Alarm.LOW);
	}

	private List<BatteryMonitor.Alarm> hover(int seconds) {
		List<BatteryMonitor.Alarm> alarms = new ArrayList<>();
		for (int i = 0; i < seconds; i++) {
			alarms.add(this.battery.drain(FlightMode.HOLD, HOVERING, 1));
		}
		return alarms;
	}

}
