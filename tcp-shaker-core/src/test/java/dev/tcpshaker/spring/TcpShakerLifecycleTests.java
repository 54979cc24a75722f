package dev.tcpshaker.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.monitor.CheckSchedule;
import dev.tcpshaker.monitor.MonitoredTarget;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetState;
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
	void monitorResumesItsChecksWhenTheContextStartsAgain() {
		try (CountingListener listener = LoopbackServers.listener();
				TcpShaker shaker = TcpShaker.builder().build();
				TargetMonitor monitor = TargetMonitor.create(shaker);
				GenericApplicationContext context = new GenericApplicationContext()) {
			monitor.add(MonitoredTarget.of("db", "127.0.0.1", listener.port(), Duration.ofMillis(50))
				.withSchedule(new CheckSchedule(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100), 2,
						3, 0)));
			context.registerBean(TcpShakerLifecycle.class, () -> new TcpShakerLifecycle(shaker));
			context.registerBean(TargetMonitorLifecycle.class, () -> new TargetMonitorLifecycle(monitor));
			context.refresh();
			await().atMost(Duration.ofSeconds(5)).until(() -> monitor.snapshot("db").orElseThrow().checks() >= 2);
			context.stop();
			assertThat(monitor.isRunning()).isFalse();
			long checks = monitor.snapshot("db").orElseThrow().checks();
			context.start();
			// The loop dropped the monitor's timers when it stopped: the monitor armed them again.
			await().atMost(Duration.ofSeconds(5)).until(() -> monitor.snapshot("db").orElseThrow().checks() >= checks + 3);
			assertThat(monitor.snapshot("db").orElseThrow().state()).isEqualTo(TargetState.UP);
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
