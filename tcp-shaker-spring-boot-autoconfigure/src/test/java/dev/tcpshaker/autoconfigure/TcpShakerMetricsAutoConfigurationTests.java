package dev.tcpshaker.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.metrics.TcpShakerMetrics;
import dev.tcpshaker.monitor.MonitoredTarget;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetState;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;
import dev.tcpshaker.test.SwitchablePort;

/**
 * Tests for {@link TcpShakerMetricsAutoConfiguration}: meters bound through Boot's
 * metrics auto-configuration, following real loopback targets.
 */
class TcpShakerMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class, TargetMonitorAutoConfiguration.class,
				TcpShakerMetricsAutoConfiguration.class, MetricsAutoConfiguration.class))
		.withPropertyValues("tcpshaker.interval=250ms", "tcpshaker.timeout=200ms", "tcpshaker.jitter=0",
				"tcpshaker.rise=1", "tcpshaker.fall=1");

	@Test
	void runWithRegistryShouldBindShakerAndTargetMeters() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withBean(SimpleMeterRegistry.class)
				.withPropertyValues(target("db", listener.port()))
				.run((context) -> {
					assertThat(context).hasSingleBean(TcpShakerMetrics.class);
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					assertThat(registry.get("tcpshaker.late.closes").functionCounter().count()).isZero();
					assertThat(registry.get("tcpshaker.checks.in.flight").gauge()).isNotNull();
					await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
						assertThat(registry.get("tcpshaker.target.up").tag("target", "db").gauge().value())
							.isEqualTo(1.0);
						assertThat(registry.get("tcpshaker.check").tags("target", "db", "outcome", "UP").timer().count())
							.isPositive();
					});
					// Tags name targets and outcomes, never addresses: one series per target and outcome.
					assertThat(registry.find("tcpshaker.check").timers()).allSatisfy((timer) -> assertThat(
							timer.getId().getTags()).extracting("key").containsExactlyInAnyOrder("target", "outcome"));
					assertThat(listener.acceptCount()).isZero();
				});
		}
	}

	@Test
	void runWithoutRegistryShouldNotCreateMeters() {
		this.contextRunner.withPropertyValues(target("db", 5432))
			.run((context) -> assertThat(context).hasSingleBean(TargetMonitor.class)
				.doesNotHaveBean(TcpShakerMetrics.class));
	}

	@Test
	void runWithoutMicrometerShouldStartWithoutMeters() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues(target("db", 5432))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TargetMonitor.class)
				.doesNotHaveBean(TcpShakerMetrics.class));
	}

	@Test
	void runWhenUserDefinesMetricsShouldBackOff() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withUserConfiguration(UserMetricsConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(TcpShakerMetrics.class).hasBean("userMetrics"));
	}

	@Test
	void upGaugeAndTransitionCounterFollowTheTarget() {
		try (SwitchablePort port = new SwitchablePort(true)) {
			this.contextRunner.withBean(SimpleMeterRegistry.class)
				.withPropertyValues(target("db", port.port()))
				.run((context) -> {
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					TargetMonitor monitor = context.getBean(TargetMonitor.class);
					awaitUp(registry, 1.0);
					port.listening(false);
					awaitUp(registry, 0.0);
					assertThat(monitor.snapshot("db").orElseThrow().state()).isEqualTo(TargetState.DOWN);
					port.listening(true);
					awaitUp(registry, 1.0);
					await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
						assertThat(transitions(registry, "UP")).isEqualTo(2.0);
						assertThat(transitions(registry, "DOWN")).isEqualTo(1.0);
					});
					assertThat(registry.get("tcpshaker.check").tags("target", "db", "outcome", "REFUSED").timer().count())
						.isPositive();
				});
		}
	}

	@Test
	void targetsAddedAtRunTimeGainMetersAndRemovedOnesLoseThem() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withBean(SimpleMeterRegistry.class)
				.withPropertyValues(target("db", listener.port()))
				.run((context) -> {
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					TargetMonitor monitor = context.getBean(TargetMonitor.class);
					MonitoredTarget cache = MonitoredTarget.of("cache", "127.0.0.1", listener.port(),
							Duration.ofMillis(50))
						.withSchedule(monitor.snapshot("db").orElseThrow().target().schedule());
					monitor.add(cache);
					await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
						assertThat(registry.get("tcpshaker.target.up").tag("target", "cache").gauge().value())
							.isEqualTo(1.0);
						assertThat(registry.find("tcpshaker.check").tag("target", "cache").timer()).isNotNull();
						assertThat(registry.find("tcpshaker.target.transitions").tag("target", "cache").counter())
							.isNotNull();
					});
					monitor.remove("cache");
					await().atMost(Duration.ofSeconds(5))
						.untilAsserted(() -> assertThat(registry.find("tcpshaker.target.up").tag("target", "cache").meters())
							.isEmpty());
					// Checks in flight at removal must not bring a meter back.
					Thread.sleep(300);
					assertThat(registry.getMeters()).noneMatch((meter) -> "cache".equals(meter.getId().getTag("target")));
					assertThat(registry.find("tcpshaker.target.up").tag("target", "db").gauge()).isNotNull();
				});
		}
	}

	private static void awaitUp(MeterRegistry registry, double value) {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(
				() -> assertThat(registry.get("tcpshaker.target.up").tag("target", "db").gauge().value()).isEqualTo(value));
	}

	private static double transitions(MeterRegistry registry, String state) {
		Counter counter = registry.find("tcpshaker.target.transitions").tags("target", "db", "state", state).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetricsConfiguration {

		@Bean
		TcpShakerMetrics userMetrics(TcpShaker tcpShaker, TargetMonitor monitor) {
			return new TcpShakerMetrics(tcpShaker, monitor);
		}

	}

	private static String[] target(String name, int port) {
		return new String[] { "tcpshaker.targets." + name + ".host=127.0.0.1", "tcpshaker.targets." + name + ".port=" + port };
	}

}
