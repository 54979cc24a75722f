package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tcpshaker.test.FileDescriptors;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

class TcpCheckerTests {

	/** The candidate contract of the benchmark harness, plus late_closes. */
	private static final Pattern RESULT_LINE = Pattern.compile("checks=(\\d+) up=(\\d+) refused=(\\d+) timeout=(\\d+)"
			+ " other=(\\d+) seconds=\\d+\\.\\d{3} checks_per_s=\\d+ p50_us=\\d+ p99_us=\\d+"
			+ " cpu_user_s=\\d+\\.\\d{3} cpu_sys_s=\\d+\\.\\d{3} late_closes=\\d+");

	@ParameterizedTest
	@ValueSource(strings = { "epoll", "nio" })
	void runPrintsResultLineAndListenerAcceptsNothing(String engine) {
		try (CountingListener listener = LoopbackServers.listener()) {
			Run run = run("-a", "127.0.0.1:" + listener.port(), "-n", "300", "-c", "32", "-e", engine);
			assertThat(run.exitCode).isZero();
			assertThat(run.out).contains("HALF_OPEN on the " + engine + " engine");
			assertThat(run.result().group(0))
				.startsWith("checks=300 up=300 refused=0 timeout=0 other=0 seconds=");
			assertThat(listener.acceptCountBeforeMarker()).isZero();
		}
	}

	@Test
	void runWithConnectMethodIsAcceptedByListener() {
		try (CountingListener listener = LoopbackServers.listener()) {
			Run run = run("-a", "127.0.0.1:" + listener.port(), "-n", "20", "-c", "4", "-m", "connect");
			assertThat(run.result().group(2)).isEqualTo("20");
			// Proves the accept count sees full connections, so the half-open 0 means something.
			assertThat(listener.acceptCountBeforeMarker()).isEqualTo(20);
		}
	}

	@Test
	void runCountsRefusedChecksOfClosedPort() {
		try (LoopbackServers.ClosedPort closed = LoopbackServers.closedPort()) {
			Run run = run("-a", "127.0.0.1:" + closed.port(), "-n", "50", "-c", "8");
			assertThat(run.exitCode).isZero();
			assertThat(run.result().group(0)).startsWith("checks=50 up=0 refused=50 timeout=0 other=0 ");
		}
	}

	@Test
	void runHoldsTenThousandChecksInFlightAndReleasesEveryFd() {
		try (LoopbackServers.Blackhole blackhole = LoopbackServers.blackhole()) {
			// Loads native code and opens the JDK's own files first, so they count in the baseline.
			run("-a", "127.0.0.1:" + blackhole.port(), "-n", "1", "-t", "10");
			int baseline = FileDescriptors.count();
			Run run = run("-a", "127.0.0.1:" + blackhole.port(), "-n", "10000", "-c", "10000", "-t", "300", "-v");
			assertThat(run.result().group(0)).startsWith("checks=10000 up=0 refused=0 timeout=10000 other=0 ");
			FileDescriptors.awaitAtMost(baseline);
		}
	}

	@Test
	void runVerboseShowsFailedChecksAndFileDescriptors() {
		try (LoopbackServers.ClosedPort closed = LoopbackServers.closedPort()) {
			Run run = run("-a", "127.0.0.1:" + closed.port(), "-n", "20", "-v");
			assertThat(run.err).contains("not up: 127.0.0.1:" + closed.port() + " REFUSED");
			assertThat(run.err.lines().filter((line) -> line.contains("not up:"))).hasSize(CheckRun.FAILURE_SAMPLES);
			assertThat(run.err).containsPattern("Open file descriptors: \\d+ before the checks, \\d+ after");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "-a 127.0.0.1:80 -x 1", "-n 5", "-a 127.0.0.1:80 -n 0", "-a 127.0.0.1:80 -t -5",
			"-a host", "-a 127.0.0.1:80 -m bogus", "-a 127.0.0.1:80 -e bogus" })
	void runRejectsBadFlagsWithUsageAndExitCode2(String commandLine) {
		Run run = run(commandLine.split(" "));
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.err).startsWith("tcp-checker: ").contains("usage: java -jar tcp-checker.jar -a host:port");
		assertThat(run.out).isEmpty();
	}

	@Test
	void runWithHelpPrintsUsageAndExitsZero() {
		Run run = run("-h");
		assertThat(run.exitCode).isZero();
		assertThat(run.out).startsWith("usage: ");
	}

	@Test
	void runWithUnknownHostExitsOne() {
		// The surefire hosts file knows no such name, so no query leaves the machine.
		Run run = run("-a", "no-such-host.test:80");
		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.err).contains("cannot resolve no-such-host.test:80");
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = TcpChecker.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {

		/** The last stdout line, matched against the harness format. */
		Matcher result() {
			List<String> lines = this.out.lines().toList();
			assertThat(lines).as("stdout of exit code %d, stderr: %s", this.exitCode, this.err).isNotEmpty();
			Matcher matcher = RESULT_LINE.matcher(lines.get(lines.size() - 1));
			assertThat(matcher.matches()).as("last line %s", lines.get(lines.size() - 1)).isTrue();
			return matcher;
		}

	}

}
