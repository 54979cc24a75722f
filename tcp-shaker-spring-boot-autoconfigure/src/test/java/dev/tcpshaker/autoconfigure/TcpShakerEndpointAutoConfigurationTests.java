package dev.tcpshaker.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.actuate.TcpShakerEndpoint;
import dev.tcpshaker.actuate.TcpShakerEndpoint.CheckDescriptor;
import dev.tcpshaker.actuate.TcpShakerEndpoint.TargetDescriptor;
import dev.tcpshaker.actuate.TcpShakerEndpoint.TcpShakerDescriptor;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetState;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

/**
 * Tests for {@link TcpShakerEndpointAutoConfiguration} and the three operations of the
 * {@code tcpshaker} endpoint, against real loopback targets.
 */
class TcpShakerEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class, TargetMonitorAutoConfiguration.class,
				TcpShakerEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=tcpshaker", "tcpshaker.interval=250ms",
				"tcpshaker.timeout=200ms", "tcpshaker.jitter=0", "tcpshaker.rise=1", "tcpshaker.fall=1");

	@Test
	void runWhenExposedShouldCreateEndpoint() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(TcpShakerEndpoint.class));
	}

	@Test
	void runWhenNotExposedShouldNotCreateEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).hasSingleBean(TargetMonitor.class)
				.doesNotHaveBean(TcpShakerEndpoint.class));
	}

	@Test
	void readShowsTheShakerAndEveryTarget() {
		try (CountingListener listener = LoopbackServers.listener(); ClosedPort closed = LoopbackServers.closedPort()) {
			this.contextRunner.withPropertyValues(target("db", listener.port()))
				.withPropertyValues(target("down", closed.port()))
				.run((context) -> {
					TcpShakerEndpoint endpoint = context.getBean(TcpShakerEndpoint.class);
					TcpShaker shaker = context.getBean(TcpShaker.class);
					await().atMost(Duration.ofSeconds(5))
						.until(() -> endpoint.tcpShaker().targets().values().stream().allMatch((t) -> t.checks() > 0)
								&& endpoint.tcpShaker().stealth().verdict() != StealthSelfTest.Verdict.UNKNOWN);
					TcpShakerDescriptor descriptor = endpoint.tcpShaker();
					assertThat(descriptor.method()).isEqualTo(CheckMethod.HALF_OPEN).isEqualTo(shaker.method());
					assertThat(descriptor.engine()).isEqualTo(shaker.engine());
					assertThat(descriptor.inFlight()).isNotNegative();
					assertThat(descriptor.lateCloses()).isZero();
					assertThat(descriptor.stealth().verdict()).isEqualTo(StealthSelfTest.Verdict.VERIFIED);
					assertThat(descriptor.targets()).containsOnlyKeys("db", "down");
					TargetDescriptor db = descriptor.targets().get("db");
					assertThat(db.address()).isEqualTo("127.0.0.1:" + listener.port());
					assertThat(db.state()).isEqualTo(TargetState.UP);
					assertThat(db.lastResult().outcome()).isEqualTo(CheckOutcome.UP);
					assertThat(db.lastResult().latency()).isPositive();
					assertThat(db.since()).isNotNull();
					assertThat(db.lastCheck()).isAfterOrEqualTo(db.since());
					assertThat(db.failedChecks()).isZero();
					assertThat(db.consecutiveSuccesses()).isPositive();
					TargetDescriptor down = descriptor.targets().get("down");
					assertThat(down.state()).isEqualTo(TargetState.DOWN);
					assertThat(down.lastResult().outcome()).isEqualTo(CheckOutcome.REFUSED);
					assertThat(down.lastResult().detail()).contains("ECONNREFUSED");
					assertThat(down.failedChecks()).isEqualTo(down.checks());
					assertThat(down.consecutiveFailures()).isPositive();
					assertThat(listener.acceptCount()).isZero();
				});
		}
	}

	@Test
	void readOfOneTargetShowsItAndUnknownNameIsNull() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", listener.port())).run((context) -> {
				TcpShakerEndpoint endpoint = context.getBean(TcpShakerEndpoint.class);
				assertThat(endpoint.target("db").address()).isEqualTo("127.0.0.1:" + listener.port());
				assertThat(endpoint.target("nope")).isNull();
			});
		}
	}

	@Test
	void writeChecksTheConfiguredTargetNowAndUnknownNameIs404() {
		// Full connects and a long interval: each accepted connection is one check.
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues(target("db", listener.port()))
				.withPropertyValues("tcpshaker.method=connect", "tcpshaker.interval=10m", "tcpshaker.timeout=1s")
				.run((context) -> {
					TcpShakerEndpoint endpoint = context.getBean(TcpShakerEndpoint.class);
					int before = listener.acceptCount();
					WebEndpointResponse<CheckDescriptor> response = endpoint.check("db");
					assertThat(response.getStatus()).isEqualTo(200);
					assertThat(response.getBody().outcome()).isEqualTo(CheckOutcome.UP);
					await().atMost(Duration.ofSeconds(5)).until(() -> listener.acceptCount() == before + 1);
					WebEndpointResponse<CheckDescriptor> unknown = endpoint.check("nope");
					assertThat(unknown.getStatus()).isEqualTo(404);
					assertThat(unknown.getBody()).isNull();
				});
		}
	}

	@Test
	void noOperationTakesAnythingButATargetName() {
		List<Method> operations = Arrays.stream(TcpShakerEndpoint.class.getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(ReadOperation.class)
					|| method.isAnnotationPresent(WriteOperation.class)
					|| method.isAnnotationPresent(DeleteOperation.class))
			.toList();
		assertThat(operations).extracting(Method::getName).containsExactlyInAnyOrder("tcpShaker", "target", "check");
		assertThat(operations).flatExtracting((method) -> List.of(method.getParameters())).allSatisfy((parameter) -> {
			assertThat(parameter.isAnnotationPresent(Selector.class)).as(parameter.toString()).isTrue();
			assertThat(parameter.getType()).isEqualTo(String.class);
			assertThat(parameter.getName()).isEqualTo("name");
		});
	}

	private static String[] target(String name, int port) {
		return new String[] { "tcpshaker.targets." + name + ".host=127.0.0.1",
				"tcpshaker.targets." + name + ".port=" + port };
	}

}
