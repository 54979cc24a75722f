package dev.tcpshaker.internal.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.internal.TimedOut;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;

/**
 * Drives the engine by hand, on the test thread, before any loop starts.
 */
class NioEngineTests {

	@Test
	void readyChannelOfATimedOutCheckDoesNotKeepThePollerBusy() throws Exception {
		NioEngine engine = new NioEngine(Thread::new, NioEngine.Mode.HALF_OPEN);
		engine.openPoller();
		try (ClosedPort closed = LoopbackServers.closedPort()) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			NioEngine.NioCheck check = new NioEngine.NioCheck(
					new InetSocketAddress(LoopbackServers.ipv4(), closed.port()), deadline, (o, d, e) -> {
					});
			assertThat(engine.connect(check)).isTrue();
			// Timed out while its refusal is on the way: the socket turns ready before it closes.
			TimedOut.verdict(check);
			Thread.sleep(50);
			// The selector is level-triggered: a ready key left registered would be selected forever.
			assertTimeoutPreemptively(Duration.ofSeconds(5), () -> engine.drainReady(0));
			assertThat(check.channel).as("closed by the loop later, exactly once").isNotNull();
			engine.close(check);
		}
		finally {
			engine.closePoller();
		}
	}

}
