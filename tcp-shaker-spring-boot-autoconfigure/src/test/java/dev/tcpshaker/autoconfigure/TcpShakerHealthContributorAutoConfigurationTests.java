package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.Blackhole;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TcpShakerHealthContributorAutoConfiguration}, against real loopback
 * targets through Boot's health endpoint.
 */
class TcpShakerHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class, TargetMonitorAutoConfiguration.class,
				TcpShakerHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.show-details=always");

	@Test
	void runShouldCreateContributorWithOneIndicatorPerTarget() {
		this.contextRunner.withPropertyValues(target("db", "127.0.0.1", 5432))
			.withPropertyValues(target("cache", "localhost", 6379))
			.run((context) -> {
				assertThat(context).hasBean("tcpShakerHealthContributor");
				CompositeHealthContributor contributor = context.getBean("tcpShakerHealthContributor",
						CompositeHealthContributor.class);
				assertThat(contributor.getContributor("db")).isInstanceOf(HealthIndicator.class);
				assertThat(contributor.getContributor("cache")).isInstanceOf(HealthIndicator.class);
				assertThat(contributor.stream()).hasSize(2);
			});
	}

	@Test
	void runWhenHealthIndicatorDisabledShouldNotCreateContributor() {
		this.contextRunner
			.withPropertyValues(target("db", "127.0.0.1", 5432))
			.withPropertyValues("management.health.tcpshaker.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(TcpShaker.class)
				.doesNotHaveBean("tcpShakerHealthContributor"));
	}

	@Test
	void runWhenDisabledShouldNotCreateContributor() {
		this.contextRunner.withPropertyValues(target("db", "127.0.0.1", 5432))
			.withPropertyValues("tcpshaker.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TcpShaker.class)
				.doesNotHaveBean("tcpShakerHealthContributor"));
	}

	@Test
	void runWithoutTargetsShouldNotCreateContributor() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(TcpShaker.class)
			.doesNotHaveBean("tcpShakerHealthContributor"));
	}

	@Test
	void runWhenUserDefinesContributorShouldBackOff() {
		this.contextRunner.withPropertyValues(target("db", "127.0.0.1", 5432))
			.withUserConfiguration(UserContributorConfiguration.class)
			.run((context) -> assertThat(context.getBean("tcpShakerHealthContributor"))
				.isSameAs(UserContributorConfiguration.CONTRIBUTOR));
	}

	@Test
	void runWhenUserDefinesTcpShakerShouldUseItForHealth() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", "127.0.0.1", listener.port()))
				.withBean("userTcpShaker", TcpShaker.class,
						() -> TcpShaker.builder().method(CheckMethod.CONNECT).build())
				.run((context) -> {
					IndicatedHealthDescriptor db = targetHealth(context, "db");
					assertThat(db.getStatus()).isEqualTo(Status.UP);
					assertThat(db.getDetails()).containsEntry("method", "CONNECT");
				});
		}
	}

	@Test
	void listenerShouldBeUpWithoutAcceptingAConnection() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", "127.0.0.1", listener.port())).run((context) -> {
				IndicatedHealthDescriptor db = targetHealth(context, "db");
				assertThat(db.getStatus()).isEqualTo(Status.UP);
				assertThat(db.getDetails()).containsEntry("address", "127.0.0.1:" + listener.port())
					.containsEntry("outcome", "UP")
					.containsEntry("method", context.getBean(TcpShaker.class).method().name())
					.containsKey("latency")
					.doesNotContainKey("error");
				assertThat(listener.acceptCount()).isZero();
			});
		}
	}

	@Test
	void dottedTargetNameInBracketsShouldBeChecked() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner
				.withPropertyValues("tcpshaker.targets[plain.db].host=127.0.0.1",
						"tcpshaker.targets[plain.db].port=" + listener.port())
				.run((context) -> {
					IndicatedHealthDescriptor db = targetHealth(context, "plain.db");
					assertThat(db.getStatus()).isEqualTo(Status.UP);
					assertThat(db.getDetails()).containsEntry("address", "127.0.0.1:" + listener.port());
				});
		}
	}

	/** Bound as a target "plain" with an unknown property, the target was dropped and health stayed UP. */
	@Test
	void dottedTargetNameWithoutBracketsShouldFailStartupRatherThanDropTheTarget() {
		this.contextRunner
			.withPropertyValues("tcpshaker.targets.plain.db.host=127.0.0.1", "tcpshaker.targets.plain.db.port=5432")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tcpshaker.targets.plain.db.host"));
	}

	@Test
	void misspeltTargetPropertyShouldFailStartupRatherThanDropTheTarget() {
		this.contextRunner.withPropertyValues("tcpshaker.targets.db.hots=127.0.0.1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tcpshaker.targets.db.hots"));
	}

	@Test
	void closedPortShouldBeDownWithRefused() {
		try (ClosedPort closed = LoopbackServers.closedPort()) {
			this.contextRunner.withPropertyValues(target("db", "127.0.0.1", closed.port())).run((context) -> {
				IndicatedHealthDescriptor db = targetHealth(context, "db");
				assertThat(db.getStatus()).isEqualTo(Status.DOWN);
				assertThat(db.getDetails()).containsEntry("outcome", "REFUSED");
				assertThat((String) db.getDetails().get("error")).contains("ECONNREFUSED");
			});
		}
	}

	@Test
	void blackholeShouldBeDownWithTimeout() {
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			this.contextRunner
				.withPropertyValues(target("db", "127.0.0.1", blackhole.port()))
				.withPropertyValues("tcpshaker.targets.db.timeout=300ms")
				.run((context) -> {
					IndicatedHealthDescriptor db = targetHealth(context, "db");
					assertThat(db.getStatus()).isEqualTo(Status.DOWN);
					assertThat(db.getDetails()).containsEntry("outcome", "TIMEOUT").containsKey("error");
				});
		}
	}

	@Test
	void unresolvableHostShouldBeDownWithUnresolved() {
		this.contextRunner.withPropertyValues(target("db", "no-such-host.invalid", 5432)).run((context) -> {
			IndicatedHealthDescriptor db = targetHealth(context, "db");
			assertThat(db.getStatus()).isEqualTo(Status.DOWN);
			assertThat(db.getDetails()).containsEntry("address", "no-such-host.invalid:5432")
				.containsEntry("outcome", "UNRESOLVED")
				.containsEntry("error", "unknown host no-such-host.invalid");
		});
	}

	@Test
	void compositeShouldBeDownWhenAnyTargetIsDown() {
		try (CountingListener listener = LoopbackServers.listener(); ClosedPort closed = LoopbackServers.closedPort()) {
			this.contextRunner
				.withPropertyValues(target("up", "127.0.0.1", listener.port()))
				.withPropertyValues(target("down", "127.0.0.1", closed.port()))
				.run((context) -> {
					HealthDescriptor tcpShaker = context.getBean(HealthEndpoint.class).healthForPath("tcpShaker");
					assertThat(tcpShaker.getStatus()).isEqualTo(Status.DOWN);
					assertThat(((CompositeHealthDescriptor) tcpShaker).getComponents()).containsOnlyKeys("up",
							"down");
				});
		}
	}

	@Test
	void healthRequestsSendNothingOnceATargetHasAVerdict() {
		// Full connects and a long interval: the listener's accept count is the number of checks.
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", "127.0.0.1", listener.port()))
				.withPropertyValues("tcpshaker.method=connect", "tcpshaker.interval=10m")
				.run((context) -> {
					for (int i = 0; i < 50; i++) {
						assertThat(targetHealth(context, "db").getStatus()).isEqualTo(Status.UP);
					}
					// The first request started the first check; the other 49 read its verdict. The
					// listener counts an accept a moment after the connect's verdict: wait for it.
					assertThat(context.getBean(TargetMonitor.class).snapshot("db").orElseThrow().checks()).isEqualTo(1);
					await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
						.until(() -> listener.acceptCount() == 1);
				});
		}
	}

	@Test
	void requestForOneTargetChecksNoOtherTarget() {
		try (CountingListener a = LoopbackServers.listener(); CountingListener b = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("a", "127.0.0.1", a.port()))
				.withPropertyValues(target("b", "127.0.0.1", b.port()))
				.withPropertyValues("tcpshaker.method=connect", "tcpshaker.interval=10m")
				.run((context) -> {
					for (int i = 0; i < 20; i++) {
						assertThat(targetHealth(context, "a").getStatus()).isEqualTo(Status.UP);
					}
					// Each full connect is accepted a moment after its verdict: wait for the counts to match.
					TargetMonitor monitor = context.getBean(TargetMonitor.class);
					assertThat(monitor.snapshot("a").orElseThrow().checks()).isEqualTo(1);
					await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
						.until(() -> a.acceptCount() == 1);
					// b is checked on its own schedule only (its first check lies somewhere in ten minutes).
					await().atMost(Duration.ofSeconds(3))
						.until(() -> b.acceptCount() == monitor.snapshot("b").orElseThrow().checks());
					assertThat(b.acceptCount()).isLessThanOrEqualTo(1);
				});
		}
	}

	@Test
	void detailsSayWhenTheStateBeganAndWhenTheLastVerdictCame() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", "127.0.0.1", listener.port())).run((context) -> {
				Instant before = Instant.now();
				Map<String, Object> details = targetHealth(context, "db").getDetails();
				assertThat(details).containsKeys("since", "lastCheck");
				assertThat((Instant) details.get("lastCheck")).isBeforeOrEqualTo(Instant.now())
					.isAfterOrEqualTo(((Instant) details.get("since")));
				assertThat((Instant) details.get("since")).isBefore(before.plusSeconds(5));
			});
		}
	}

	@Test
	void stuckLoopTurnsTheIndicatorDownSayingSo() {
		CountDownLatch release = new CountDownLatch(1);
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", "127.0.0.1", listener.port()))
				.withPropertyValues("tcpshaker.interval=250ms", "tcpshaker.timeout=200ms", "tcpshaker.jitter=0")
				.run((context) -> {
					assertThat(targetHealth(context, "db").getStatus()).isEqualTo(Status.UP);
					// A listener that never returns blocks the thread that completes checks: the loop is stuck.
					AtomicBoolean blocked = new AtomicBoolean();
					context.getBean(TargetMonitor.class).addCheckListener((target, result) -> {
						if (blocked.compareAndSet(false, true)) {
							awaitQuietly(release);
						}
					});
					try {
						await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
							IndicatedHealthDescriptor db = targetHealth(context, "db");
							assertThat(db.getStatus()).isEqualTo(Status.DOWN);
							assertThat((String) db.getDetails().get("error")).contains("the checks have stopped");
						});
					}
					finally {
						release.countDown();
					}
					await().atMost(Duration.ofSeconds(5))
						.untilAsserted(() -> assertThat(targetHealth(context, "db").getStatus()).isEqualTo(Status.UP));
				});
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void everyTargetSaysStealthIsNotVerifiedWhenChecksCompleteTheHandshake() {
		try (CountingListener listener = LoopbackServers.listener(); ClosedPort closed = LoopbackServers.closedPort()) {
			this.contextRunner.withPropertyValues(target("up", "127.0.0.1", listener.port()))
				.withPropertyValues(target("down", "127.0.0.1", closed.port()))
				.withPropertyValues("tcpshaker.method=connect")
				.run((context) -> await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
					assertThat(targetHealth(context, "up").getDetails()).containsEntry("stealth", "not verified");
					assertThat(targetHealth(context, "down").getDetails()).containsEntry("stealth", "not verified");
				}));
		}
	}

	@Test
	void verifiedStealthAddsNothingToTheDetails() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", "127.0.0.1", listener.port())).run((context) -> {
				StealthSelfTestLifecycle selfTest = context.getBean(StealthSelfTestLifecycle.class);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> selfTest.result().verdict() == StealthSelfTest.Verdict.VERIFIED);
				assertThat(targetHealth(context, "db").getDetails()).doesNotContainKey("stealth");
			});
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static IndicatedHealthDescriptor targetHealth(AssertableApplicationContext context, String name) {
		return (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class).healthForPath("tcpShaker", name);
	}

	private static String[] target(String name, String host, int port) {
		String prefix = "tcpshaker.targets." + name;
		return new String[] { prefix + ".host=" + host, prefix + ".port=" + port };
	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributorConfiguration {

		static final HealthContributor CONTRIBUTOR = (HealthIndicator) () -> Health.up().build();

		@Bean
		HealthContributor tcpShakerHealthContributor() {
			return CONTRIBUTOR;
		}

	}

}
