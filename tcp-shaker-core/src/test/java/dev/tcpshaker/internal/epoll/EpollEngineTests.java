package dev.tcpshaker.internal.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.internal.TimedOut;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

/**
 * Drives the engine by hand, on the test thread, before any loop starts.
 */
class EpollEngineTests {

	@Test
	void eventWithAnOldSequenceNumberForAReusedSlotIsIgnored() throws Exception {
		EpollEngine engine = new EpollEngine(Thread::new, CheckMethod.HALF_OPEN);
		engine.openPoller();
		try (CountingListener listener = LoopbackServers.listener()) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			EpollEngine.EpollCheck check = new EpollEngine.EpollCheck(listener.socketAddress(), deadline, (o, d, e) -> {
			});
			assertThat(engine.connect(check)).isTrue();
			int fd = check.fd;
			long current = ((long) check.sequence << 32) | check.slot;
			long stale = ((long) (check.sequence - 1) << 32) | check.slot;

			engine.onEvent(LinuxConstants.EPOLLOUT, stale, System.nanoTime());
			assertThat(check.fd).as("a stale event must not finish the check in that slot").isEqualTo(fd);

			engine.onEvent(LinuxConstants.EPOLLOUT, current, System.nanoTime());
			assertThat(check.fd).as("the check's own event finishes and closes it").isEqualTo(-1);
			assertThat(listener.acceptCount()).isZero();
		}
		finally {
			engine.closePoller();
		}
	}

	@Test
	void eventOfATimedOutCheckLeavesItsSocketForTheLoopToClose() throws Exception {
		EpollEngine engine = new EpollEngine(Thread::new, CheckMethod.HALF_OPEN);
		engine.openPoller();
		try (ClosedPort closed = LoopbackServers.closedPort()) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			EpollEngine.EpollCheck check = new EpollEngine.EpollCheck(
					new InetSocketAddress(LoopbackServers.ipv4(), closed.port()), deadline, (o, d, e) -> {
					});
			assertThat(engine.connect(check)).isTrue();
			TimedOut.verdict(check);
			int fd = check.fd;

			engine.onEvent(LinuxConstants.EPOLLOUT | LinuxConstants.EPOLLERR, ((long) check.sequence << 32) | check.slot,
					System.nanoTime());
			assertThat(check.fd).as("a timed-out check gets no second verdict; the loop closes it later").isEqualTo(fd);
			engine.close(check);
			assertThat(check.fd).isEqualTo(-1);
		}
		finally {
			engine.closePoller();
		}
	}

}
