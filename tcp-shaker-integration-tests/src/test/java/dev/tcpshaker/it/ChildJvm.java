package dev.tcpshaker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application started in a JVM of its own, as users start theirs: the same java as
 * the tests, the tests' hosts file (so no lookup leaves the machine), and none of the
 * tests' JVM flags (no {@code --enable-native-access}). Its stdout and stderr go to one
 * log file.
 */
public final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final Path log;

	private ChildJvm(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code java -Djdk.net.hosts.file=... <arguments>}.
	 * @param arguments what follows on the command line: system properties, then
	 * {@code -cp ... main} or {@code -jar ...}, then the application's arguments
	 * @return the running JVM
	 */
	public static ChildJvm start(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file"));
		command.addAll(arguments);
		try {
			Path log = Files.createTempFile("tcpshaker-child", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new ChildJvm(process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Everything the JVM printed so far. */
	public String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Ends the JVM: SIGTERM, then SIGKILL after 10 s. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
