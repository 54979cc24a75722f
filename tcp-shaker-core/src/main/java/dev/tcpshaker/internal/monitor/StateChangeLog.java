package dev.tcpshaker.internal.monitor;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.monitor.StateChange;
import dev.tcpshaker.monitor.StateChangeListener;
import dev.tcpshaker.monitor.TargetState;

/**
 * Logs every state change in HAProxy's manner: WARN when a target goes DOWN, INFO
 * otherwise, with the reason, the check's duration and how long the old state lasted:
 * <pre>
 * Target db (127.0.0.1:5432) is DOWN, reason: REFUSED (ECONNREFUSED: Connection refused), check duration: 0.4 ms, was UP for 2 m 31 s
 * </pre>
 */
final class StateChangeLog implements StateChangeListener {

	private static final Logger logger = LoggerFactory.getLogger("dev.tcpshaker.monitor");

	@Override
	public void stateChanged(StateChange change) {
		if (change.to() == TargetState.DOWN) {
			logger.warn(line(change));
		}
		else if (logger.isInfoEnabled()) {
			logger.info(line(change));
		}
	}

	static String line(StateChange change) {
		CheckResult cause = change.cause();
		return String.format(Locale.ROOT, "Target %s (%s) is %s, reason: %s (%s), check duration: %s, was %s for %s",
				change.name(), change.target().address(), change.to(), cause.outcome(), cause.detail(),
				millis(cause.latency()), change.from(), readable(change.previousStateLasted()));
	}

	private static String millis(Duration duration) {
		return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
	}

	/** Like {@code 850 ms}, {@code 12.3 s}, {@code 2 m 31 s} or {@code 3 h 4 m}. */
	static String readable(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		long seconds = millis / 1000;
		if (seconds < 3600) {
			return (seconds / 60) + " m " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " m";
	}

}
