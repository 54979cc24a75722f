package dev.tcpshaker.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

class TcpShakerLifecycleTests {

	@Test
	void contextStopStopsTheLoopAndStartRunsItAgain() {
		try (CountingListener listener = LoopbackServers.listener();
				TcpShaker shaker = TcpShaker.builder().build();
				GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(TcpShakerLifecycle.class, () -> new TcpShakerLifecycle(shaker));
			context.refresh();
			TcpShakerLifecycle lifecycle = context.getBean(TcpShakerLifecycle.class);
			assertThat(lifecycle.isRunning()).isTrue();
			assertThat(shaker.check("127.0.0.1", listener.port()).outcome()).isEqualTo(CheckOutcome.UP);

			context.stop();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(shaker.check("127.0.0.1", listener.port()).outcome()).isEqualTo(CheckOutcome.ERROR);

			context.start();
			assertThat(lifecycle.isRunning()).isTrue();
			assertThat(shaker.check("127.0.0.1", listener.port()).outcome()).isEqualTo(CheckOutcome.UP);
			assertThat(listener.acceptCount()).isZero();
		}
	}

	@Test
	void phaseStopsTheLoopAfterTheWebServer() {
		TcpShakerLifecycle lifecycle = new TcpShakerLifecycle(TcpShaker.builder().build());
		try {
			// Boot's web server lifecycles run at DEFAULT_PHASE - 1024 and - 2048; lower stops later.
			assertThat(lifecycle.getPhase()).isLessThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 2048);
		}
		finally {
			lifecycle.stop();
		}
	}

}
