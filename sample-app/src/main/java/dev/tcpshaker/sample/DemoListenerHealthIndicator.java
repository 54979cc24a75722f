package dev.tcpshaker.sample;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows the proof beside the checks: how many connections the demo listener accepted.
 * However often {@code /actuator/health} is asked, it stays 0. Shown as {@code demoListener}.
 */
@Component
class DemoListenerHealthIndicator implements HealthIndicator {

	private final DemoListener listener;

	DemoListenerHealthIndicator(DemoListener listener) {
		this.listener = listener;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("port", this.listener.port())
			.withDetail("acceptedConnections", this.listener.acceptedConnections())
			.build();
	}

}
