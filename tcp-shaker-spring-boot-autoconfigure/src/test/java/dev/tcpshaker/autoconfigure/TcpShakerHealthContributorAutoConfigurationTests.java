package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.Map;

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
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.Blackhole;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpShakerHealthContributorAutoConfiguration}, against real loopback
 * targets through Boot's health endpoint.
 */
class TcpShakerHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class,
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
	void targetWithoutTimeoutShouldUseGlobalTimeout() {
		TcpShakerProperties properties = new TcpShakerProperties();
		properties.setTimeout(Duration.ofMillis(700));
		properties.getTargets().put("db", target("127.0.0.1", 5432, null));
		properties.getTargets().put("cache", target("localhost", 6379, Duration.ofMillis(300)));
		Map<String, CheckTarget> targets = TcpShakerHealthContributorAutoConfiguration.targets(properties);
		assertThat(targets).containsEntry("db", new CheckTarget("db", "127.0.0.1", 5432, Duration.ofMillis(700)))
			.containsEntry("cache", new CheckTarget("cache", "localhost", 6379, Duration.ofMillis(300)));
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

	/**
	 * Boot asks the five indicators one after another; checked one after another they
	 * would take 5 x 300 ms. Shared rounds check them together: about one timeout.
	 */
	@Test
	void fiveTimeoutsShouldAnswerOneRequestInUnderThreeTimeouts() {
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			ApplicationContextRunner runner = this.contextRunner.withPropertyValues("tcpshaker.timeout=300ms");
			for (int i = 0; i < 5; i++) {
				runner = runner.withPropertyValues(target("t" + i, "127.0.0.1", blackhole.port()));
			}
			runner.run((context) -> {
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				// One request first, so class loading and JIT do not count against the bound.
				endpoint.healthForPath("tcpShaker");
				long start = System.nanoTime();
				CompositeHealthDescriptor tcpShaker = (CompositeHealthDescriptor) endpoint.healthForPath("tcpShaker");
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				assertThat(tcpShaker.getComponents()).hasSize(5)
					.allSatisfy((name, health) -> assertThat(((IndicatedHealthDescriptor) health).getDetails())
						.containsEntry("outcome", "TIMEOUT"));
				assertThat(elapsed).isLessThan(Duration.ofMillis(3 * 300));
			});
		}
	}

	private static IndicatedHealthDescriptor targetHealth(AssertableApplicationContext context, String name) {
		return (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class).healthForPath("tcpShaker", name);
	}

	private static String[] target(String name, String host, int port) {
		String prefix = "tcpshaker.targets." + name;
		return new String[] { prefix + ".host=" + host, prefix + ".port=" + port };
	}

	private static TcpShakerProperties.Target target(String host, int port, Duration timeout) {
		TcpShakerProperties.Target target = new TcpShakerProperties.Target();
		target.setHost(host);
		target.setPort(port);
		target.setTimeout(timeout);
		return target;
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
