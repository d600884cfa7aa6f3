package io.dronehub;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Node.js script of the tests, run on a file by an official tool that the build
 * installs next to it with {@code npm ci}.
 */
public final class NodeScript {

	private NodeScript() {
	}

	/**
	 * Runs {@code node SCRIPT FILE} in a folder, failing the test unless it exits with 0
	 * within two minutes.
	 * @param folder where the script and its {@code node_modules} are
	 * @param script the script's file name
	 * @param file the file it reads, e.g. one the test wrote
	 * @return what the script printed, standard output and error together
	 * @throws Exception if node cannot be run
	 */
	public static String run(Path folder, String script, Path file) throws Exception {
		Process node = new ProcessBuilder("node", script, file.toAbsolutePath().toString()).directory(folder.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("node %s finished", script).isTrue();
		assertThat(node.exitValue()).as("node %s %s said:%n%s", script, file, output).isZero();
		return output;
	}

}
