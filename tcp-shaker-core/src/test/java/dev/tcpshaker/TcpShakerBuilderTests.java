package dev.tcpshaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.test.FileDescriptors;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.Blackhole;

class TcpShakerBuilderTests {

	@Test
	void autoRunsHalfOpenOnLinux() {
		try (TcpShaker shaker = TcpShaker.builder().build()) {
			assertThat(shaker.method()).isEqualTo(CheckMethod.HALF_OPEN);
		}
	}

	@Test
	void connectIsReportedAsConnect() {
		try (TcpShaker shaker = TcpShaker.builder().method(CheckMethod.CONNECT).build()) {
			assertThat(shaker.method()).isEqualTo(CheckMethod.CONNECT);
		}
	}

	@Test
	void defaultTimeoutAppliesToChecksThatNameNone() {
		try (Blackhole blackhole = LoopbackServers.blackhole();
				TcpShaker shaker = TcpShaker.builder().defaultTimeout(Duration.ofMillis(200)).build()) {
			CheckResult result = shaker.check("127.0.0.1", blackhole.port());
			assertThat(result.outcome()).isEqualTo(CheckOutcome.TIMEOUT);
			assertThat(result.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		}
	}

	@Test
	void buildFailsCleanlyWhenTheThreadFactoryMakesNoThread() {
		int before = FileDescriptors.count();
		assertThatIllegalStateException().isThrownBy(() -> TcpShaker.builder().threadFactory((r) -> null).build())
			.withMessageContaining("no thread");
		FileDescriptors.awaitAtMost(before);
	}

	@Test
	void threadFactoryMakesTheLoopThread() throws Exception {
		Set<Thread> made = ConcurrentHashMap.newKeySet();
		try (Blackhole blackhole = LoopbackServers.blackhole();
				TcpShaker shaker = TcpShaker.builder().threadFactory((r) -> {
					Thread thread = new Thread(r, "custom-" + made.size());
					thread.setDaemon(true);
					made.add(thread);
					return thread;
				}).build()) {
			// An address literal needs no lookup thread, and no verdict comes before the
			// timeout: the stage is added while the check is in flight, so it runs where the
			// loop completes the future.
			Thread loop = shaker.checkAsync("127.0.0.1", blackhole.port(), Duration.ofMillis(500))
				.thenApply((result) -> Thread.currentThread())
				.get(10, TimeUnit.SECONDS);
			assertThat(loop).isNotSameAs(Thread.currentThread()).isIn(made);
		}
	}

}
