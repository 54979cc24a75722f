package dev.tcpshaker.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.tcpshaker.monitor.CheckSchedule;
import dev.tcpshaker.monitor.MonitoredTarget;
import dev.tcpshaker.monitor.StateChange;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetState;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;
import dev.tcpshaker.monitor.TargetState;
import dev.tcpshaker.spring.TargetMonitorLifecycle;
import dev.tcpshaker.spring.TargetStateChangedEvent;
import dev.tcpshaker.test.SwitchablePort;

/**
 * Tests for the monitor that {@link TcpShakerAutoConfiguration} builds from
 * {@code tcpshaker.*}: its targets and schedules, and start-up failures that name the
 * property for values no schedule accepts.
 */
@ExtendWith(OutputCaptureExtension.class)
class TargetMonitorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class, TargetMonitorAutoConfiguration.class));

	@Test
	void runShouldCreateRunningMonitorOfEveryTarget(CapturedOutput output) {
		this.contextRunner.withPropertyValues("tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=5432",
				"tcpshaker.targets.cache.host=localhost", "tcpshaker.targets.cache.port=6379").run((context) -> {
					assertThat(context).hasSingleBean(TargetMonitor.class).hasSingleBean(TargetMonitorLifecycle.class);
					TargetMonitor monitor = context.getBean(TargetMonitor.class);
					assertThat(monitor.isRunning()).isTrue();
					assertThat(monitor.snapshots()).containsOnlyKeys("db", "cache");
				});
		assertThat(output).containsPattern("tcp-shaker: HALF_OPEN checks on the (epoll|nio) engine, 2 targets every 2s"
				+ " \\(rise 2, fall 3\\)");
	}

	@Test
	void eachStateChangeIsPublishedAsOneApplicationEvent() {
		try (SwitchablePort port = new SwitchablePort(true)) {
			this.contextRunner.withUserConfiguration(EventRecorder.class)
				.withPropertyValues("tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=" + port.port(),
						"tcpshaker.interval=250ms", "tcpshaker.timeout=200ms", "tcpshaker.jitter=0", "tcpshaker.rise=1",
						"tcpshaker.fall=1")
				.run((context) -> {
					TargetMonitor monitor = context.getBean(TargetMonitor.class);
					List<TargetStateChangedEvent> events = context.getBean(EventRecorder.class).events;
					List<StateChange> changes = context.getBean(EventRecorder.class).changes;
					awaitState(monitor, TargetState.UP);
					port.listening(false);
					awaitState(monitor, TargetState.DOWN);
					port.listening(true);
					awaitState(monitor, TargetState.UP);
					await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 3 && changes.size() >= 3);
					assertThat(events).extracting((event) -> event.getStateChange().from(),
							(event) -> event.getStateChange().to())
						.containsExactly(tuple(TargetState.UNKNOWN, TargetState.UP),
								tuple(TargetState.UP, TargetState.DOWN), tuple(TargetState.DOWN, TargetState.UP));
					assertThat(events).allSatisfy((event) -> {
						assertThat(event.getSource()).isSameAs(monitor);
						assertThat(event.getStateChange().name()).isEqualTo("db");
					});
					// One event per change, not one per check: the same changes the monitor's own listener heard.
					assertThat(events).extracting(TargetStateChangedEvent::getStateChange)
						.containsExactlyElementsOf(changes);
				});
		}
	}

	private static void awaitState(TargetMonitor monitor, TargetState state) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> monitor.snapshot("db").orElseThrow().state() == state);
	}

	@Configuration(proxyBeanMethods = false)
	static class EventRecorder {

		final List<TargetStateChangedEvent> events = new CopyOnWriteArrayList<>();

		final List<StateChange> changes = new CopyOnWriteArrayList<>();

		/** The monitor's own listener, joined before the monitor starts, hears every change. */
		@Bean
		SmartInitializingSingleton recordChanges(TargetMonitor monitor) {
			return () -> monitor.addListener(this.changes::add);
		}

		@EventListener
		void stateChanged(TargetStateChangedEvent event) {
			this.events.add(event);
		}

	}

	@Test
	void targetsInheritGlobalSettingsAndFastAndDownIntervalsFollowTheirInterval() {
		TcpShakerProperties properties = new TcpShakerProperties();
		properties.setTimeout(Duration.ofMillis(700));
		properties.setInterval(Duration.ofSeconds(5));
		properties.setFall(4);
		properties.getTargets().put("db", target("127.0.0.1", 5432));
		TcpShakerProperties.Target cache = target("localhost", 6379);
		cache.setTimeout(Duration.ofMillis(300));
		cache.setInterval(Duration.ofSeconds(10));
		cache.setDownInterval(Duration.ofSeconds(30));
		cache.setRise(1);
		properties.getTargets().put("cache", cache);
		List<MonitoredTarget> targets = MonitoredTargets.from(properties);
		assertThat(targets).extracting(MonitoredTarget::name).containsExactly("db", "cache");
		assertThat(targets.get(0).timeout()).isEqualTo(Duration.ofMillis(700));
		assertThat(targets.get(0).schedule())
			.isEqualTo(new CheckSchedule(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 2, 4, 0.1));
		assertThat(targets.get(1).timeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(targets.get(1).schedule()).isEqualTo(
				new CheckSchedule(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), 1, 4, 0.1));
	}

	@Test
	void propertyDefaultsAreTheCoreSchedulesDefaults() {
		// Written as literals in the properties so that the metadata shows them: kept equal here.
		TcpShakerProperties properties = new TcpShakerProperties();
		properties.getTargets().put("db", target("127.0.0.1", 5432));
		assertThat(MonitoredTargets.from(properties).get(0).schedule()).isEqualTo(CheckSchedule.defaults());
	}

	@Test
	void runWithZeroRiseShouldFail() {
		assertStartupFailsWith("tcpshaker.rise must be at least 1 but was 0", "tcpshaker.rise=0");
	}

	@Test
	void runWithNegativeFallShouldFail() {
		assertStartupFailsWith("tcpshaker.fall must be at least 1 but was -1", "tcpshaker.fall=-1");
	}

	@Test
	void runWithJitterAboveHalfShouldFail() {
		assertStartupFailsWith("tcpshaker.jitter must be in 0..0.5 but was 2.0", "tcpshaker.jitter=2");
	}

	@Test
	void runWithZeroIntervalShouldFail() {
		assertStartupFailsWith("tcpshaker.interval must be positive but was PT0S", "tcpshaker.interval=0s");
	}

	@Test
	void runWithBadTargetRiseShouldNameTheTargetProperty() {
		assertStartupFailsWith("tcpshaker.targets.db.rise must be at least 1 but was 0",
				"tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=5432", "tcpshaker.targets.db.rise=0");
	}

	@Test
	void runWithTimeoutLongerThanTheIntervalShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.timeout (PT3S) must not be longer than tcpshaker.interval (PT2S)"
				+ " of target 'db': its checks would overlap", "tcpshaker.targets.db.host=127.0.0.1",
				"tcpshaker.targets.db.port=5432", "tcpshaker.targets.db.timeout=3s");
	}

	@Test
	void runWithGlobalTimeoutLongerThanATargetsFastIntervalShouldNameBoth() {
		assertStartupFailsWith(
				"tcpshaker.timeout (PT1S) must not be longer than tcpshaker.targets.db.fast-interval (PT0.5S)",
				"tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=5432",
				"tcpshaker.targets.db.fast-interval=500ms");
	}

	@Test
	void moreTargetsThanMaxInFlightAreAllCheckedAndUp() {
		// The request-driven design made this flap: 20 targets, max-in-flight 5, 1 of 10 requests UP.
		try (CountingListener listener = LoopbackServers.listener()) {
			ApplicationContextRunner runner = this.contextRunner.withPropertyValues("tcpshaker.max-in-flight=5",
					"tcpshaker.interval=250ms", "tcpshaker.timeout=200ms");
			for (int i = 0; i < 20; i++) {
				runner = runner.withPropertyValues("tcpshaker.targets.t" + i + ".host=127.0.0.1",
						"tcpshaker.targets.t" + i + ".port=" + listener.port());
			}
			runner.run((context) -> {
				TargetMonitor monitor = context.getBean(TargetMonitor.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(monitor.snapshots().values())
					.allSatisfy((snapshot) -> assertThat(snapshot.checks()).isGreaterThanOrEqualTo(5)));
				assertThat(monitor.snapshots().values()).allSatisfy((snapshot) -> {
					assertThat(snapshot.state()).isEqualTo(TargetState.UP);
					assertThat(snapshot.failedChecks()).isZero();
				});
				assertThat(listener.acceptCount()).isZero();
			});
		}
	}

	@Test
	void runWithIntervalLongerThanADayShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.down-interval must be at most PT24H but was PT4800000H",
				"tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=5432",
				"tcpshaker.targets.db.down-interval=200000d");
	}

	private void assertStartupFailsWith(String message, String... properties) {
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining(message));
	}

	private static TcpShakerProperties.Target target(String host, int port) {
		TcpShakerProperties.Target target = new TcpShakerProperties.Target();
		target.setHost(host);
		target.setPort(port);
		return target;
	}

}
