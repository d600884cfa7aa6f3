package io.dronehub.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

@EnabledOnOs(OS.LINUX)
class ServerProbeTests {

	private final ServerProbe probe = new ServerProbe(ProcessHandle.current().pid(), true);

	@Test
	void theJitCompilersTimeIsPartOfTheProcesssTime() throws Exception {
		double compilers = this.probe.compilerCpuSeconds();

		assertThat(compilers).as("this JVM compiled the tests' code").isPositive();
		assertThat(compilers).isLessThanOrEqualTo(this.probe.cpuSeconds());
	}

	@Test
	void theLargestHeapIsReadFromTheJvmsFlags() {
		// the runtime leaves out a survivor space under some collectors
		assertThat(this.probe.maxHeapKib() * 1024).isBetween(Runtime.getRuntime().maxMemory(),
				Runtime.getRuntime().maxMemory() * 6 / 5);
	}

}
