package dev.tcpshaker.monitor;

import java.time.Duration;

import dev.tcpshaker.HostAndPort;

/**
 * A target a {@link TargetMonitor} checks on a schedule: its name, its address, the
 * timeout of each check and the schedule.
 * <p>
 * The timeout must fit in the schedule's shortest interval: the next check of a target
 * starts only after the previous one ended, and a timeout longer than the interval would
 * silently stretch the cadence.
 *
 * @param name the name that identifies the target in the monitor, its logs and health
 * @param address where to check
 * @param timeout the timeout of each check, name lookup included
 * @param schedule when to check and how verdicts change the state
 */
public record MonitoredTarget(String name, HostAndPort address, Duration timeout, CheckSchedule schedule) {

	public MonitoredTarget {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank but was " + ((name != null) ? "'" + name + "'" : "null"));
		}
		if (address == null) {
			throw new IllegalArgumentException("address must not be null");
		}
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must be positive but was " + timeout);
		}
		if (schedule == null) {
			throw new IllegalArgumentException("schedule must not be null");
		}
		if (timeout.compareTo(schedule.shortestInterval()) > 0) {
			throw new IllegalArgumentException("timeout must not be longer than the shortest interval ("
					+ schedule.shortestInterval() + ") but was " + timeout + ": two checks of '" + name
					+ "' would overlap");
		}
	}

	/**
	 * A target checked with the default schedule.
	 * @param name the target's name
	 * @param host the host name or address literal
	 * @param port the port
	 * @param timeout the timeout of each check
	 * @return the target
	 */
	public static MonitoredTarget of(String name, String host, int port, Duration timeout) {
		return new MonitoredTarget(name, new HostAndPort(host, port), timeout, CheckSchedule.defaults());
	}

	/**
	 * This target with another schedule.
	 * @param schedule the schedule
	 * @return the new target
	 */
	public MonitoredTarget withSchedule(CheckSchedule schedule) {
		return new MonitoredTarget(this.name, this.address, this.timeout, schedule);
	}

}
