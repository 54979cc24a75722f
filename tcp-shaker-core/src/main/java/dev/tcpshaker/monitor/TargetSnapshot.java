package dev.tcpshaker.monitor;

import java.time.Duration;
import java.time.Instant;

import dev.tcpshaker.CheckResult;

/**
 * What a {@link TargetMonitor} knows about one target at one moment: a value, read
 * without waiting and without sending a packet.
 *
 * @param target the target and its schedule
 * @param state the state after rise and fall
 * @param lastResult the last check's result, or {@code null} before the first verdict
 * @param lastCheck when the last check ended, or {@code null} before the first verdict
 * @param since when the target entered its state (for {@code UNKNOWN}: when it was added)
 * @param consecutiveSuccesses successful checks in a row, up to now
 * @param consecutiveFailures failed checks in a row, up to now
 * @param checks checks finished since the target was added
 * @param failedChecks checks that were not UP among them
 */
public record TargetSnapshot(MonitoredTarget target, TargetState state, CheckResult lastResult, Instant lastCheck,
		Instant since, int consecutiveSuccesses, int consecutiveFailures, long checks, long failedChecks) {

	/**
	 * The target's name.
	 * @return the name
	 */
	public String name() {
		return this.target.name();
	}

	/**
	 * Whether the target has had its first verdict.
	 * @return {@code false} while the state is {@link TargetState#UNKNOWN}
	 */
	public boolean hasVerdict() {
		return this.lastResult != null;
	}

	/**
	 * How old a last verdict may be before it says more about the monitor than about
	 * the target: twice the longest interval (jitter stretches one by at most half) plus
	 * the timeout.
	 * @return the age past which the snapshot is stale
	 */
	public Duration staleAfter() {
		return this.target.schedule().longestInterval().multipliedBy(2).plus(this.target.timeout());
	}

	/**
	 * Whether the last verdict is too old to trust, as when the check loop is stuck.
	 * @param now the current time
	 * @return {@code true} when a verdict exists and is older than {@link #staleAfter()}
	 */
	public boolean isStale(Instant now) {
		return this.lastCheck != null && Duration.between(this.lastCheck, now).compareTo(staleAfter()) > 0;
	}

}
