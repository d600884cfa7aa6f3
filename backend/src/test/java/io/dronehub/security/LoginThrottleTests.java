package io.dronehub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.dronehub.SteppingClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoginThrottle}, on a hand-moved clock, with the default settings: 5
 * free failures per user and address, 20 per user and per address, a wait from 1 s
 * doubling up to 5 min, failures forgotten after 15 min.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-02T10:00:00Z"));

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties.Logins(5, 20, 20,
			Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15)), this.clock, this.meters);

	@Test
	void fiveFailuresAreFreeThenEachFurtherOneDoublesTheWait() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isNull();
			this.throttle.failed("alice", "10.0.0.9");
		}
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isNull();
		this.throttle.failed("alice", "10.0.0.9");
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));

		this.clock.advance(Duration.ofMillis(400));
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isEqualTo(Duration.ofMillis(600));
		this.clock.advance(Duration.ofMillis(600));
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isNull();
		this.throttle.failed("alice", "10.0.0.9");
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
		this.clock.advance(Duration.ofSeconds(2));
		this.throttle.failed("alice", "10.0.0.9");
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void theWaitStopsGrowingAtTheMaximum() {
		for (int i = 0; i < 15; i++) {
			Duration wait = this.throttle.retryIn("alice", "10.0.0.9");
			if (wait != null) {
				this.clock.advance(wait);
			}
			this.throttle.failed("alice", "10.0.0.9");
		}
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aThrottledAttemptIsNotCheckedAndDoesNotLengthenTheWait() {
		failTimes("alice", "10.0.0.9", 6);
		for (int i = 0; i < 100; i++) {
			assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
		}
		assertThat(count("failure")).isEqualTo(6);
		assertThat(count("throttled")).isEqualTo(100);
	}

	@Test
	void theOwnerOnAnotherAddressLogsInWhileTheGuesserWaits() {
		failTimes("alice", "10.0.0.9", 6);
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isNotNull();
		assertThat(this.throttle.retryIn("alice", "192.168.1.20")).isNull();
		this.throttle.succeeded("alice", "192.168.1.20");
		assertThat(count("success")).isEqualTo(1);
	}

	@Test
	void aUsersFailuresFromManyAddressesHoldBackNewAddressesButNotOnesItLoggedInFrom() {
		this.throttle.succeeded("alice", "192.168.1.20");
		for (int i = 0; i < 21; i++) {
			this.throttle.failed("alice", "10.0.1." + i);
		}
		assertThat(this.throttle.retryIn("alice", "10.0.2.1")).as("an address alice never logged in from")
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.retryIn("alice", "192.168.1.20")).as("an address alice logged in from").isNull();
		assertThat(this.throttle.retryIn("bob", "10.0.2.1")).as("another user").isNull();
	}

	@Test
	void anAddressGuessingManyUsersIsHeldBackForEveryUser() {
		for (int i = 0; i < 21; i++) {
			this.throttle.failed("user" + i, "10.0.0.9");
		}
		assertThat(this.throttle.retryIn("someone-else", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.retryIn("someone-else", "10.0.0.10")).isNull();
	}

	@Test
	void aUserWhoLoggedInFromAnAddressIsNotHeldBackByOthersGuessingFromIt() {
		this.throttle.succeeded("alice", "10.0.0.9");
		for (int i = 0; i < 21; i++) {
			this.throttle.failed("user" + i, "10.0.0.9");
		}
		assertThat(this.throttle.retryIn("someone-else", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).as("behind the same NAT as the guesser").isNull();
		failTimes("alice", "10.0.0.9", 6);
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).as("her own failures still count")
			.isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aGoodLoginStartsTheUserAndAddressAfresh() {
		failTimes("alice", "10.0.0.9", 5);
		this.throttle.succeeded("alice", "10.0.0.9");
		this.throttle.failed("alice", "10.0.0.9");
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isNull();
	}

	@Test
	void failuresAreForgottenAfterAQuietSpell() {
		failTimes("alice", "10.0.0.9", 6);
		this.clock.advance(Duration.ofMinutes(15).plusMillis(1));
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).isNull();
		failTimes("alice", "10.0.0.9", 5);
		assertThat(this.throttle.retryIn("alice", "10.0.0.9")).as("five free failures again").isNull();
	}

	@Test
	void throttlingAKeyIsLoggedOnceWhenItStarts(CapturedOutput output) {
		failTimes("alice", "10.0.0.9", 12);
		List<String> warnings = output.getOut().lines().filter((line) -> line.contains("Throttling logins")).toList();
		assertThat(warnings).singleElement()
			.asString()
			.contains("WARN", "user alice from 10.0.0.9", "after 6 failed logins");
	}

	/** Fails a login as often as asked, each after its wait. */
	private void failTimes(String user, String address, int times) {
		for (int i = 0; i < times; i++) {
			Duration wait = this.throttle.retryIn(user, address);
			if (wait != null) {
				this.clock.advance(wait);
			}
			this.throttle.failed(user, address);
		}
	}

	private double count(String result) {
		return this.meters.get("hub.security.logins").tag("result", result).counter().count();
	}

}
