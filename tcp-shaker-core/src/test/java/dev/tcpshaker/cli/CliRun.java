package dev.tcpshaker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One call of {@link TcpChecker#run} with its stdout and stderr captured, and how long
 * it took.
 *
 * @param exitCode what {@code run} returned
 * @param out everything printed to stdout
 * @param err everything printed to stderr
 * @param millis the wall time of the call
 */
record CliRun(int exitCode, String out, String err, long millis) {

	static CliRun of(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		long start = System.nanoTime();
		int exitCode = TcpChecker.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		long millis = (System.nanoTime() - start) / 1_000_000;
		return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
				millis);
	}

}
