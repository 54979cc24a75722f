package dev.tcpshaker.autoconfigure;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpShakerHealthIndicator}.
 */
class TcpShakerHealthIndicatorTests {

	private static final CheckTarget TARGET = new CheckTarget("db", "db.test", 5432, Duration.ofMillis(1));

	private final RecordingTcpShaker shaker = new RecordingTcpShaker();

	private final TcpShakerHealthIndicator indicator = new TcpShakerHealthIndicator(TARGET,
			new SharedCheckRounds(this.shaker, List.of(TARGET)), CheckMethod.HALF_OPEN);

	@Test
	void upResultIsUpWithoutError() {
		Health health = healthWith(CheckOutcome.UP, "connected");
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("address", "db.test:5432")
			.containsEntry("outcome", "UP")
			.containsEntry("latency", "1.500 ms")
			.containsEntry("method", "HALF_OPEN")
			.doesNotContainKey("error");
	}

	@Test
	void everyOtherOutcomeIsDownWithItsDetailAsError() {
		for (CheckOutcome outcome : CheckOutcome.values()) {
			if (outcome != CheckOutcome.UP) {
				Health health = healthWith(outcome, "why " + outcome);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("outcome", outcome.name())
					.containsEntry("error", "why " + outcome);
			}
		}
	}

	@Test
	void missingVerdictIsDownAfterTimeoutPlusGrace() {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error")).startsWith("no verdict within PT1.001S");
	}

	private Health healthWith(CheckOutcome outcome, String detail) {
		this.shaker.answerWith(new CheckResult("db.test", 5432, new InetSocketAddress("127.0.0.1", 5432), outcome,
				Duration.ofNanos(1_500_000), detail));
		return this.indicator.health();
	}

}
