package io.dronehub.benchmark;

import java.util.List;

/**
 * The kinds of a server JVM's threads that the benchmark reports CPU time for, told apart
 * by thread name ({@code /proc/…/task/…/comm}, which Linux cuts to 15 characters).
 */
public enum ServerThreads {

	/** The JIT compilers. */
	JIT("C1 CompilerThre", "C2 CompilerThre"),

	/** The garbage collector and the VM's own safepoint work. */
	GC("GC Thread", "G1 ", "VM Thread"),

	/** Tomcat's threads and the STOMP channels' ones: reading frames and writing them. */
	WEB("http-nio-", "stomp-", "session-closer", "MessageBroker"),

	/** The simulation's thread. */
	SIMULATION("simulation"),

	/** The flight recorder's thread and its database engine's and pool's threads. */
	RECORDER("flight-recorder", "MVStore", "H2-", "H2 ", "HikariPool", "hub-leases"),

	/** Everything else. */
	OTHER;

	private final List<String> prefixes;

	ServerThreads(String... prefixes) {
		this.prefixes = List.of(prefixes);
	}

	/**
	 * The kind of a thread.
	 * @param name the thread's name as {@code /proc} gives it
	 * @return its kind, {@link #OTHER} when no other matches
	 */
	public static ServerThreads of(String name) {
		for (ServerThreads kind : values()) {
			if (kind.prefixes.stream().anyMatch(name::startsWith)) {
				return kind;
			}
		}
		return OTHER;
	}

}
