package io.dronehub.benchmark.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YawCodeTests {

	@Test
	void eachCommandedRateIsTellableFromTheHeadingsOfTwoStates() {
		YawCode code = YawCode.forRate(10);

		for (int n = 0; n < 24; n++) {
			double rate = code.rate(n);
			double before = 359.6;
			double after = Math.round((before + rate / 10 + 360) % 360 * 10) / 10.0;
			double observed = code.observedRate(before, after);
			for (int other = 0; other < 24; other++) {
				assertThat(code.matches(code.rate(other), observed)).isEqualTo(other == n);
			}
		}
	}

}
