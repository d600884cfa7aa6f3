package io.dronehub.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClusterMembers}, on a manual clock: who is alive, who left, who is
 * forgotten, and when a beat counts as a change.
 */
class ClusterMembersTests {

	private final AtomicLong now = new AtomicLong();

	private final ClusterMembers members = new ClusterMembers("a", Duration.ofSeconds(3), this.now::get);

	private final AtomicInteger changes = new AtomicInteger();

	ClusterMembersTests() {
		this.members.onChange(this.changes::incrementAndGet);
	}

	@Test
	void aNodeIsAliveUntilItHasBeenSilentForTheTimeout() {
		this.members.heard(new ClusterMessage.Beat("b", List.of("d2"), false));
		advanceSeconds(3);
		assertThat(this.members.alive()).containsExactly("a", "b");
		advanceSeconds(1);
		assertThat(this.members.alive()).containsExactly("a");
		assertThat(this.members.nodes()).containsExactly(new ClusterView.Node("a", true, List.of()),
				new ClusterView.Node("b", false, List.of()));
		assertThat(this.members.left("b")).isFalse();
	}

	@Test
	void aNodeThatSaysItIsLeavingIsNotAliveAtOnce() {
		this.members.heard(new ClusterMessage.Beat("b", List.of("d2"), false));
		this.members.heard(new ClusterMessage.Beat("b", List.of(), true));
		assertThat(this.members.alive()).containsExactly("a");
		assertThat(this.members.left("b")).isTrue();
	}

	@Test
	void aNodeSilentForTenTimeoutsIsForgottenButThisNodeNever() {
		this.members.simulating(List.of("d1"));
		this.members.heard(new ClusterMessage.Beat("b", List.of("d2"), false));
		advanceSeconds(31);
		assertThat(this.members.nodes()).containsExactly(new ClusterView.Node("a", true, List.of("d1")));
	}

	@Test
	void onlyABeatThatChangesWhoIsAliveOrWhoSimulatesWhatIsAChange() {
		this.members.heard(new ClusterMessage.Beat("b", List.of("d2"), false));
		this.members.heard(new ClusterMessage.Beat("b", List.of("d2"), false));
		assertThat(this.changes).hasValue(1);
		this.members.heard(new ClusterMessage.Beat("b", List.of("d2", "d3"), false));
		assertThat(this.changes).hasValue(2);
		advanceSeconds(4);
		this.members.heard(new ClusterMessage.Beat("b", List.of("d2", "d3"), false));
		assertThat(this.changes).as("back from silence").hasValue(3);
		this.members.heard(new ClusterMessage.Beat("b", List.of(), true));
		assertThat(this.changes).hasValue(4);
	}

	private void advanceSeconds(long seconds) {
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
	}

}
