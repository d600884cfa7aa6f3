package io.dronehub.benchmark;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

@EnabledOnOs(OS.LINUX)
class ServerProbeTests {

	private final ServerProbe probe = new ServerProbe(ProcessHandle.current().pid(), true);

	@Test
	void theThreadsTimesAddUpToAtMostTheProcesssTime() throws Exception {
		Map<ServerThreads, Double> threads = this.probe.threadCpuSeconds();

		assertThat(threads.get(ServerThreads.JIT)).as("this JVM compiled the tests' code").isPositive();
		assertThat(threads.get(ServerThreads.OTHER)).as("the test's own thread").isPositive();
		assertThat(threads.values().stream().mapToDouble(Double::doubleValue).sum())
			.isLessThanOrEqualTo(this.probe.cpuSeconds());
	}

	@Test
	void theKernelsTimeIsPartOfTheProcesssTime() throws Exception {
		double kernel = this.probe.kernelCpuSeconds();

		assertThat(kernel).isNotNegative().isLessThanOrEqualTo(this.probe.cpuSeconds());
	}

	@Test
	void threadsAreToldApartByName() {
		assertThat(ServerThreads.of("C2 CompilerThre")).isEqualTo(ServerThreads.JIT);
		assertThat(ServerThreads.of("http-nio-8080-e")).isEqualTo(ServerThreads.WEB);
		assertThat(ServerThreads.of("MVStore backgro")).isEqualTo(ServerThreads.RECORDER);
		assertThat(ServerThreads.of("simulation")).isEqualTo(ServerThreads.SIMULATION);
		assertThat(ServerThreads.of("main")).isEqualTo(ServerThreads.OTHER);
	}

	@Test
	void theLargestHeapIsReadFromTheJvmsFlags() {
		// the runtime leaves out a survivor space under some collectors
		assertThat(this.probe.maxHeapKib() * 1024).isBetween(Runtime.getRuntime().maxMemory(),
				Runtime.getRuntime().maxMemory() * 6 / 5);
	}

}
