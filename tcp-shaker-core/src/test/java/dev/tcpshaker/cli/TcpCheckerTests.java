package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
			CliRun run = run("-a", "127.0.0.1:" + listener.port(), "-n", "300", "-c", "32", "-e", engine);
			assertThat(run.exitCode()).isZero();
			assertThat(run.out()).contains("HALF_OPEN on the " + engine + " engine");
			assertThat(result(run).group(0))
				.startsWith("checks=300 up=300 refused=0 timeout=0 other=0 seconds=");
			assertThat(listener.acceptCountBeforeMarker()).isZero();
		}
	}

	@Test
	void runWithConnectMethodIsAcceptedByListener() {
		try (CountingListener listener = LoopbackServers.listener()) {
			CliRun run = run("-a", "127.0.0.1:" + listener.port(), "-n", "20", "-c", "4", "-m", "connect");
			assertThat(result(run).group(2)).isEqualTo("20");
			// Proves the accept count sees full connections, so the half-open 0 means something.
			assertThat(listener.acceptCountBeforeMarker()).isEqualTo(20);
		}
	}

	@Test
	void runCountsRefusedChecksOfClosedPort() {
		try (LoopbackServers.ClosedPort closed = LoopbackServers.closedPort()) {
			CliRun run = run("-a", "127.0.0.1:" + closed.port(), "-n", "50", "-c", "8");
			assertThat(run.exitCode()).isZero();
			assertThat(result(run).group(0)).startsWith("checks=50 up=0 refused=50 timeout=0 other=0 ");
		}
	}

	@Test
	void runHoldsTenThousandChecksInFlightAndReleasesEveryFd() {
		try (LoopbackServers.Blackhole blackhole = LoopbackServers.blackhole()) {
			// Loads native code and opens the JDK's own files first, so they count in the baseline.
			run("-a", "127.0.0.1:" + blackhole.port(), "-n", "1", "-t", "10");
			int baseline = FileDescriptors.count();
			// A timeout long enough for a busy machine to start all 10 000 connects: one still
			// waiting for the loop when its deadline passes is an ERROR (never started), not a TIMEOUT.
			CliRun run = run("-a", "127.0.0.1:" + blackhole.port(), "-n", "10000", "-c", "10000", "-t", "3000", "-v");
			assertThat(result(run).group(0)).startsWith("checks=10000 up=0 refused=0 timeout=10000 other=0 ");
			FileDescriptors.awaitAtMost(baseline);
		}
	}

	@Test
	void runVerboseShowsFailedChecksAndFileDescriptors() {
		try (LoopbackServers.ClosedPort closed = LoopbackServers.closedPort()) {
			CliRun run = run("-a", "127.0.0.1:" + closed.port(), "-n", "20", "-v");
			assertThat(run.err()).contains("not up: 127.0.0.1:" + closed.port() + " REFUSED");
			assertThat(run.err().lines().filter((line) -> line.contains("not up:"))).hasSize(CheckRun.FAILURE_SAMPLES);
			assertThat(run.err()).containsPattern("Open file descriptors: \\d+ before the checks, \\d+ after");
		}
	}

	@Test
	void runRejectsSeveralAddressesBecauseItsResultLineCoversOne() {
		CliRun run = run("-a", "127.0.0.1:80", "-a", "127.0.0.1:81", "-n", "5");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("tcp-checker: a run (-n) checks one address but -a was given 2 times");
		assertThat(run.out()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "epoll", "nio" })
	void runExitsOneWithOneLineWhenOutOfFileDescriptorsForTheShaker(String engine) {
		try (LoopbackServers.ClosedPort closed = LoopbackServers.closedPort()) {
			String[] args = { "-a", "127.0.0.1:" + closed.port(), "-e", engine };
			// Loads every class the run needs first: loading one later would need a file descriptor too.
			assertThat(run(args).exitCode()).isZero();
			CliRun starved;
			try (FileDescriptors.Exhaustion exhaustion = FileDescriptors.exhaust()) {
				starved = run(args);
				// A Cleaner elsewhere in the JVM may free an fd at any moment: take it back, boundedly.
				for (int retry = 0; retry < 3 && starved.exitCode() == 0; retry++) {
					exhaustion.refill();
					starved = run(args);
				}
			}
			assertThat(starved.exitCode()).isEqualTo(1);
			assertThat(starved.err()).startsWith("tcp-checker: ").contains("Too many open files");
			assertThat(starved.err().lines()).hasSize(1);
			assertThat(starved.out()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "-a 127.0.0.1:80 -x 1", "-n 5", "-a 127.0.0.1:80 -n 0", "-a 127.0.0.1:80 -t -5",
			"-a host", "-a 127.0.0.1:80 -m bogus", "-a 127.0.0.1:80 -e bogus", "-a 127.0.0.1:80 -i 100 -t 200",
			"-a 127.0.0.1:80 -w 1000 -t 2000", "-a 127.0.0.1:80 -i 100 -n 5", "-a 127.0.0.1:80 -s 5" })
	void runRejectsBadFlagsWithUsageAndExitCode2(String commandLine) {
		CliRun run = run(commandLine.split(" "));
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("tcp-checker: ").contains("usage: java -jar tcp-checker.jar -a host:port");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void runWithHelpPrintsUsageAndExitsZero() {
		CliRun run = run("-h");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("usage: ")
			.contains("exit codes: 0 ")
			.doesNotContain("the host is resolved once, before\n");
	}

	@Test
	void runWithUnknownHostExitsOne() {
		// The surefire hosts file knows no such name, so no query leaves the machine.
		CliRun run = run("-a", "no-such-host.test:80");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("cannot resolve no-such-host.test:80");
	}

	private static CliRun run(String... args) {
		return CliRun.of(args);
	}

	/** The last stdout line, matched against the harness format. */
	private static Matcher result(CliRun run) {
		List<String> lines = run.out().lines().toList();
		assertThat(lines).as("stdout of exit code %d, stderr: %s", run.exitCode(), run.err()).isNotEmpty();
		Matcher matcher = RESULT_LINE.matcher(lines.get(lines.size() - 1));
		assertThat(matcher.matches()).as("last line %s", lines.get(lines.size() - 1)).isTrue();
		return matcher;
	}

}
