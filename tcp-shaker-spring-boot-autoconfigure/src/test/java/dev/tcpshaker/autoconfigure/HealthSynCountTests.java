package dev.tcpshaker.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;
import dev.tcpshaker.test.PacketCapture;

/**
 * What health requests put on the wire, counted by tcpdump: the SYNs the schedule
 * explains and not one per request; a request for one target sends nothing to another.
 */
class HealthSynCountTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class, TargetMonitorAutoConfiguration.class,
				TcpShakerHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class));

	@Test
	void thousandHealthRequestsSendOnlyTheScheduledSyns() throws Exception {
		try (CountingListener a = LoopbackServers.listener(); CountingListener b = LoopbackServers.listener()) {
			this.contextRunner
				.withPropertyValues("tcpshaker.interval=1s", "tcpshaker.jitter=0",
						"tcpshaker.targets.a.host=127.0.0.1", "tcpshaker.targets.a.port=" + a.port(),
						"tcpshaker.targets.b.host=127.0.0.1", "tcpshaker.targets.b.port=" + b.port())
				.run((context) -> {
					HealthEndpoint health = context.getBean(HealthEndpoint.class);
					TargetMonitor monitor = context.getBean(TargetMonitor.class);
					assertThat(health.healthForPath("tcpShaker", "a").getStatus()).isEqualTo(Status.UP);
					long checksOfA = monitor.snapshot("a").orElseThrow().checks();
					long checksOfB = monitor.snapshot("b").orElseThrow().checks();
					PacketCapture capture = PacketCapture.start(a.port(), b.port());
					List<String> packets;
					long start = System.nanoTime();
					try {
						// A thousand requests for a over about three seconds: three scheduled checks.
						for (int i = 0; i < 1000; i++) {
							assertThat(health.healthForPath("tcpShaker", "a").getStatus()).isEqualTo(Status.UP);
							Thread.sleep(3);
						}
					}
					finally {
						packets = capture.stop();
					}
					double seconds = (System.nanoTime() - start) / 1e9;
					long synsToA = PacketCapture.synsTo(packets, a.port());
					long synsToB = PacketCapture.synsTo(packets, b.port());
					long scheduledA = monitor.snapshot("a").orElseThrow().checks() - checksOfA;
					long scheduledB = monitor.snapshot("b").orElseThrow().checks() - checksOfB;
					// A check in flight at either edge of the capture may count on one side only.
					assertThat(synsToA).as("SYNs to a in %.1f s at 1 s intervals", seconds)
						.isBetween(scheduledA - 1, scheduledA + 1)
						.isLessThanOrEqualTo((long) Math.ceil(seconds) + 1);
					assertThat(synsToB).as("SYNs to b, never asked for").isBetween(scheduledB - 1, scheduledB + 1)
						.isLessThanOrEqualTo((long) Math.ceil(seconds) + 1);
					assertThat(a.acceptCount() + b.acceptCount()).isZero();
				});
		}
	}

}
