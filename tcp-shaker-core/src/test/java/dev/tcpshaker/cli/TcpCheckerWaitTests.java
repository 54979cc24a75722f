package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.Blackhole;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;
import dev.tcpshaker.test.SwitchablePort;

/**
 * The wait-for gate ({@code -w}), on real loopback ports.
 */
class TcpCheckerWaitTests {

	@Test
	void waitForClosedPortTimesOutWithExitOneAndTheLastOutcome() {
		try (ClosedPort closed = LoopbackServers.closedPort()) {
			CliRun run = CliRun.of("-w", "1500", "-a", "127.0.0.1:" + closed.port());
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			assertThat(run.millis()).isGreaterThanOrEqualTo(1400).isLessThan(5000);
			assertThat(run.err()).contains("127.0.0.1:" + closed.port() + " REFUSED");
			assertThat(run.out()).isEmpty();
		}
	}

	@Test
	void waitForPortThatStartsListeningLaterExitsZeroOnceItAnswers() throws InterruptedException {
		try (SwitchablePort port = new SwitchablePort(false)) {
			Thread opener = new Thread(() -> {
				try {
					Thread.sleep(1000);
					port.listening(true);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			opener.start();
			CliRun run = CliRun.of("-w", "10000", "-i", "250", "-a", "127.0.0.1:" + port.port());
			// Exit 0 before the listener existed would be a gate that opens too early.
			assertThat(port.isListening()).isTrue();
			opener.join(5_000);
			assertThat(run.exitCode()).as(run.err()).isZero();
			assertThat(run.out().lines()).singleElement().asString().contains("127.0.0.1:" + port.port());
			assertThat(port.acceptCount()).isZero();
		}
	}

	@Test
	void waitForTwoAddressesNamesTheOneThatNeverAnswered() {
		try (CountingListener listener = LoopbackServers.listener(); ClosedPort closed = LoopbackServers.closedPort()) {
			CliRun run = CliRun.of("-w", "1000", "-i", "200", "-a", "127.0.0.1:" + listener.port(), "-a",
					"127.0.0.1:" + closed.port());
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			assertThat(run.err()).contains("127.0.0.1:" + closed.port() + " REFUSED")
				.doesNotContain("127.0.0.1:" + listener.port() + " ");
		}
	}

	@Test
	void waitGivesTheLastCheckOnlyTheTimeLeft() {
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			// Checks start at 0 and 900 ms; the second may only have the 100 ms left, not 900.
			CliRun run = CliRun.of("-w", "1000", "-i", "900", "-t", "900", "-a", "127.0.0.1:" + blackhole.port());
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			assertThat(run.err()).contains("127.0.0.1:" + blackhole.port() + " TIMEOUT");
			assertThat(run.millis()).isGreaterThanOrEqualTo(900).isLessThan(1600);
		}
	}

}
