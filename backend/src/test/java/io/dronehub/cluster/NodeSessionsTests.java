package io.dronehub.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeSessionsTests {

	private final NodeSessions a = new NodeSessions("a");

	private final NodeSessions b = new NodeSessions("b");

	@Test
	void aSessionOfThisNodeIsNamedForTheClusterWithTheNodesIdAndBack() {
		assertThat(this.a.global("3f1c")).isEqualTo("a/3f1c");
		assertThat(this.a.local("a/3f1c")).isEqualTo("3f1c");
	}

	@Test
	void anotherNodesSessionKeepsItsNameEitherWay() {
		assertThat(this.a.global("b/77")).isEqualTo("b/77");
		assertThat(this.a.local("b/77")).isEqualTo("b/77");
		assertThat(this.b.local(this.a.global("3f1c"))).isEqualTo("a/3f1c");
	}

	@Test
	void aSessionsNodeIsNamedOnlyWhenItIsAnotherNode() {
		assertThat(this.a.otherNode("b/77")).isEqualTo("b");
		assertThat(this.a.otherNode("a/3f1c")).isNull();
		assertThat(this.a.otherNode("3f1c")).as("a session of this node").isNull();
	}

}
