package dev.tcpshaker.monitor;

import java.time.Duration;
import java.time.Instant;

import dev.tcpshaker.CheckResult;

/**
 * A target's change of state, as a {@link StateChangeListener} receives it.
 *
 * @param target the target
 * @param from the state it left
 * @param to the state it entered
 * @param cause the result of the check that completed the change
 * @param at when the change happened
 * @param previousStateLasted how long the target was in {@code from}
 */
public record StateChange(MonitoredTarget target, TargetState from, TargetState to, CheckResult cause, Instant at,
		Duration previousStateLasted) {

	/**
	 * The target's name.
	 * @return the name
	 */
	public String name() {
		return this.target.name();
	}

}
