package dev.tcpshaker.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Real PostgreSQL and Redis servers from the machine's packages, started on loopback
 * ports for one test class and stopped after it. Where a server is not installed the
 * test is skipped, except on CI (CI=true), where that is a failure.
 */
final class RealServers {

	private RealServers() {
	}

	static Path requireBinary(String name, String... extraDirs) {
		List<Path> candidates = new ArrayList<>();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty()) {
				candidates.add(Path.of(dir, name));
			}
		}
		candidates.add(Path.of("/usr/local/bin", name));
		for (String dir : extraDirs) {
			candidates.add(Path.of(dir, name));
		}
		Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
		if (found.isEmpty()) {
			found = postgresLibDirs().map((dir) -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
		}
		if (found.isPresent()) {
			return found.get();
		}
		String reason = name + " is not installed (.ci/run installs it)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(reason);
		}
		Assumptions.abort(reason);
		return null;
	}

	private static Stream<Path> postgresLibDirs() {
		Path lib = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(lib)) {
			return Stream.empty();
		}
		try (Stream<Path> versions = Files.list(lib)) {
			return versions.sorted().map((version) -> version.resolve("bin")).toList().stream();
		}
		catch (IOException ex) {
			return Stream.empty();
		}
	}

	static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** Runs a command to completion, bounded in time, and returns its output. */
	static String run(List<String> command, long timeoutSeconds) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("timed out: " + command);
			}
			String text = new String(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n" + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops a server with SIGTERM, then SIGKILL if it is still there after 30 s. */
	static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits, at most {@code timeoutSeconds}, until {@code file} contains {@code text}. */
	static void awaitLogLine(Path file, String text, long timeoutSeconds) {
		await("'" + text + "' in " + file).atMost(Duration.ofSeconds(timeoutSeconds))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> Files.exists(file) && Files.readString(file).contains(text));
	}

}
