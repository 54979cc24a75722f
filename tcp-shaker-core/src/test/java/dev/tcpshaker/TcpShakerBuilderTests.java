package dev.tcpshaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.test.FileDescriptors;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

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
		try (LoopbackServers.Blackhole blackhole = LoopbackServers.blackhole();
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
	void threadFactoryMakesTheLoopThread() {
		AtomicInteger made = new AtomicInteger();
		try (CountingListener listener = LoopbackServers.listener();
				TcpShaker shaker = TcpShaker.builder().threadFactory((r) -> {
					made.incrementAndGet();
					Thread thread = new Thread(r, "custom-" + made.get());
					thread.setDaemon(true);
					return thread;
				}).build()) {
			assertThat(shaker.check("localhost", listener.port()).isUp()).isTrue();
			assertThat(made).hasPositiveValue();
		}
	}

}
