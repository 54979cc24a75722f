package dev.tcpshaker.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.StealthSelfTest.Verdict;
import dev.tcpshaker.monitor.TargetMonitor;
import dev.tcpshaker.monitor.TargetSnapshot;
import dev.tcpshaker.monitor.TargetState;

/**
 * Health of one monitored target, read from the {@link TargetMonitor}'s last verdict:
 * it never sends a packet and, once the target has a verdict, never waits. UP while the
 * monitor holds the target UP (after {@code rise} successes), DOWN otherwise.
 * <p>
 * Details: {@code address}, {@code outcome}, {@code latency} and {@code error} of the
 * last check, {@code method}, {@code since} (when the state began) and
 * {@code lastCheck} (when the last verdict came). Before the first verdict the
 * indicator starts the first check and waits for it, at most the target's timeout. A
 * verdict older than the snapshot's {@code staleAfter()} says more about the monitor
 * than about the target (a stuck loop): the indicator is then DOWN, saying so. When the
 * shaker's stealth self-test found that checks complete the handshake, the details add
 * {@code stealth: not verified}: the verdicts still hold, but the target sees connections.
 */
public class TcpShakerHealthIndicator implements HealthIndicator {

	private final TargetMonitor monitor;

	private final String name;

	private final CheckMethod method;

	private final Supplier<StealthSelfTest.Result> stealth;

	private final Clock clock;

	/**
	 * @param monitor the monitor that checks the target
	 * @param name the target's name in the monitor
	 * @param method the method the monitor's shaker uses, for the details
	 */
	public TcpShakerHealthIndicator(TargetMonitor monitor, String name, CheckMethod method) {
		this(monitor, name, method, null);
	}

	/**
	 * @param monitor the monitor that checks the target
	 * @param name the target's name in the monitor
	 * @param method the method the monitor's shaker uses, for the details
	 * @param stealth the shaker's latest stealth self-test result, or {@code null} for none
	 */
	public TcpShakerHealthIndicator(TargetMonitor monitor, String name, CheckMethod method,
			Supplier<StealthSelfTest.Result> stealth) {
		this(monitor, name, method, stealth, Clock.systemUTC());
	}

	TcpShakerHealthIndicator(TargetMonitor monitor, String name, CheckMethod method,
			Supplier<StealthSelfTest.Result> stealth, Clock clock) {
		this.monitor = monitor;
		this.name = name;
		this.method = method;
		this.stealth = stealth;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Health.Builder builder = targetHealth();
		if (this.stealth != null && this.stealth.get().verdict() == Verdict.NOT_VERIFIED) {
			builder.withDetail("stealth", "not verified");
		}
		return builder.build();
	}

	private Health.Builder targetHealth() {
		Optional<TargetSnapshot> current = this.monitor.snapshot(this.name);
		if (current.isEmpty()) {
			return Health.down().withDetail("error", "target '" + this.name + "' is not monitored");
		}
		TargetSnapshot snapshot = current.get();
		if (!snapshot.hasVerdict()) {
			snapshot = this.monitor.awaitFirstVerdict(this.name);
		}
		if (!snapshot.hasVerdict()) {
			return Health.down()
				.withDetail("address", snapshot.target().address().toString())
				.withDetail("method", this.method.name())
				.withDetail("error", this.monitor.isRunning() ? "no verdict yet: the first check has not finished"
						: "no verdict yet: the monitor is stopped");
		}
		Instant now = this.clock.instant();
		if (snapshot.isStale(now)) {
			return details(Health.down(), snapshot)
				.withDetail("error", "the last verdict is " + Duration.between(snapshot.lastCheck(), now).toMillis()
						+ " ms old, more than " + snapshot.staleAfter().toMillis()
						+ " ms: the checks have stopped (is the tcp-shaker loop stuck or stopped?)");
		}
		Health.Builder builder = details(
				(snapshot.state() == TargetState.UP) ? Health.up() : Health.down(), snapshot);
		if (!snapshot.lastResult().isUp()) {
			builder.withDetail("error", snapshot.lastResult().detail());
		}
		return builder;
	}

	private Health.Builder details(Health.Builder builder, TargetSnapshot snapshot) {
		CheckResult last = snapshot.lastResult();
		return builder.withDetail("address", snapshot.target().address().toString())
			.withDetail("outcome", last.outcome().name())
			.withDetail("latency", String.format(Locale.ROOT, "%.3f ms", last.latency().toNanos() / 1e6))
			.withDetail("method", this.method.name())
			.withDetail("since", snapshot.since())
			.withDetail("lastCheck", snapshot.lastCheck());
	}

}
