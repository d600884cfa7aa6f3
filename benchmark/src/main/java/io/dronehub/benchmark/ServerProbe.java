package io.dronehub.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server process's CPU time and memory from {@code /proc}, and for a JVM its
 * heap after a full collection (with {@code jcmd GC.run} then {@code jstat -gc}).
 *
 * @param pid the server's process id
 * @param jvm whether the server is a JVM
 */
public record ServerProbe(long pid, boolean jvm) {

	private static final double CLOCK_TICKS_PER_SECOND = 100;

	private static final Pattern MAX_HEAP_SIZE = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

	/**
	 * User plus system CPU time the server has used so far.
	 * @return seconds
	 * @throws IOException when the process is gone
	 */
	public double cpuSeconds() throws IOException {
		return ticks(Files.readString(Path.of("/proc", Long.toString(this.pid), "stat"))) / CLOCK_TICKS_PER_SECOND;
	}

	/**
	 * System CPU time the server has used so far: the kernel working for it, in its
	 * system calls (socket writes, above all) and the interrupts they raise.
	 * @return seconds
	 * @throws IOException when the process is gone
	 */
	public double kernelCpuSeconds() throws IOException {
		return fields(Files.readString(Path.of("/proc", Long.toString(this.pid), "stat")))[12] / CLOCK_TICKS_PER_SECOND;
	}

	/** User plus system clock ticks from a {@code /proc/…/stat} line. */
	private static long ticks(String stat) {
		long[] fields = fields(stat);
		return fields[11] + fields[12];
	}

	/**
	 * The numeric fields of a {@code /proc/…/stat} line after the command name, from the
	 * state's position on: user time is [11], system time [12].
	 */
	private static long[] fields(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long[] values = new long[13];
		for (int i = 1; i < values.length; i++) {
			values[i] = Long.parseLong(fields[i]);
		}
		return values;
	}

	/**
	 * CPU time each kind of the JVM's threads has used so far; a thread that ended
	 * meanwhile takes its time with it, so a difference of two readings may fall short.
	 * @return seconds by kind, empty when the server is not a JVM
	 * @throws IOException when the process is gone
	 */
	public Map<ServerThreads, Double> threadCpuSeconds() throws IOException {
		Map<ServerThreads, Double> seconds = new EnumMap<>(ServerThreads.class);
		if (!this.jvm) {
			return seconds;
		}
		try (DirectoryStream<Path> threads = Files
			.newDirectoryStream(Path.of("/proc", Long.toString(this.pid), "task"))) {
			for (Path thread : threads) {
				try {
					ServerThreads kind = ServerThreads.of(Files.readString(thread.resolve("comm")).strip());
					seconds.merge(kind, ticks(Files.readString(thread.resolve("stat"))) / CLOCK_TICKS_PER_SECOND,
							Double::sum);
				}
				catch (NoSuchFileException ex) {
					// the thread ended between the listing and the reading
				}
			}
		}
		return seconds;
	}

	/**
	 * The server's resident memory.
	 * @return KiB
	 * @throws IOException when the process is gone
	 */
	public long residentKib() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return -1;
	}

	/**
	 * The server's used heap right after a full collection.
	 * @return KiB, or -1 when the server is not a JVM or the tools failed
	 */
	public long heapAfterGcKib() {
		if (!this.jvm) {
			return -1;
		}
		try {
			run("jcmd", Long.toString(this.pid), "GC.run");
			List<String> lines = run("jstat", "-gc", Long.toString(this.pid));
			if (lines.size() < 2) {
				return -1;
			}
			String[] names = lines.get(0).trim().split("\\s+");
			String[] values = lines.get(1).trim().split("\\s+");
			double used = 0;
			for (int i = 0; i < names.length && i < values.length; i++) {
				if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
					used += Double.parseDouble(values[i]);
				}
			}
			return Math.round(used);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * The server's largest heap ({@code -Xmx}, or the JVM's default when none was given).
	 * @return KiB, or -1 when the server is not a JVM or the tools failed
	 */
	public long maxHeapKib() {
		if (!this.jvm) {
			return -1;
		}
		try {
			for (String line : run("jcmd", Long.toString(this.pid), "VM.flags")) {
				Matcher flag = MAX_HEAP_SIZE.matcher(line);
				if (flag.find()) {
					return Long.parseLong(flag.group(1)) / 1024;
				}
			}
			return -1;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static List<String> run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return new String(output, StandardCharsets.UTF_8).lines().toList();
	}

}
