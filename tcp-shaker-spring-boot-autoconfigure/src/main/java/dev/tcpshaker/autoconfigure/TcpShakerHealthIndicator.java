package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckResult;

/**
 * Health of one target: UP when something listens on its port, DOWN for every other
 * outcome. Details: {@code address}, {@code outcome}, {@code latency}, {@code method},
 * and {@code error} when the target is not up.
 * <p>
 * The result comes from a round shared with the other targets' indicators, so asking
 * every indicator in turn waits about one timeout in all.
 */
final class TcpShakerHealthIndicator implements HealthIndicator {

	/** How long past the target's timeout to wait for a verdict before blaming the loop. */
	static final Duration VERDICT_GRACE = Duration.ofSeconds(1);

	private final CheckTarget target;

	private final SharedCheckRounds rounds;

	private final CheckMethod method;

	TcpShakerHealthIndicator(CheckTarget target, SharedCheckRounds rounds, CheckMethod method) {
		this.target = target;
		this.rounds = rounds;
		this.method = method;
	}

	@Override
	public Health health() {
		CompletableFuture<CheckResult> result = this.rounds.resultFor(this.target.name());
		long waitNanos = this.target.timeout().plus(VERDICT_GRACE).toNanos();
		try {
			return health(result.get(waitNanos, TimeUnit.NANOSECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return noVerdict("interrupted while waiting for the verdict");
		}
		catch (ExecutionException | TimeoutException ex) {
			return noVerdict("no verdict within " + Duration.ofNanos(waitNanos) + ": " + ex);
		}
	}

	private Health health(CheckResult result) {
		Health.Builder builder = result.isUp() ? Health.up() : Health.down();
		builder.withDetail("address", this.target.address())
			.withDetail("outcome", result.outcome().name())
			.withDetail("latency", String.format(Locale.ROOT, "%.3f ms", result.latency().toNanos() / 1e6))
			.withDetail("method", this.method.name());
		if (!result.isUp()) {
			builder.withDetail("error", result.detail());
		}
		return builder.build();
	}

	private Health noVerdict(String error) {
		return Health.down()
			.withDetail("address", this.target.address())
			.withDetail("method", this.method.name())
			.withDetail("error", error)
			.build();
	}

}
