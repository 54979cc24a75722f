package dev.tcpshaker.cli;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.monitor.StateChange;
import dev.tcpshaker.monitor.StateChangeListener;

/**
 * Prints each state change of a monitored target as one line: when, which target, the
 * change, and the check that made it:
 * <pre>
 * 2026-11-25T10:15:30.123Z db#1 (127.0.0.1:5432) UP -> DOWN: REFUSED in 0.1 ms (ECONNREFUSED: Connection refused)
 * </pre>
 * The monitor calls it on its event thread, one change at a time, so a burst (ten
 * thousand copies coming UP at start) costs one {@code println} each and never reaches
 * the check loop.
 */
final class StateChangePrinter implements StateChangeListener {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
		.withZone(ZoneOffset.UTC);

	private final PrintStream out;

	StateChangePrinter(PrintStream out) {
		this.out = out;
	}

	@Override
	public void stateChanged(StateChange change) {
		this.out.println(line(change));
	}

	static String line(StateChange change) {
		CheckResult cause = change.cause();
		long micros = cause.latency().toNanos() / 1000;
		return new StringBuilder(160).append(TIME.format(change.at()))
			.append(' ')
			.append(change.name())
			.append(" (")
			.append(change.target().address())
			.append(") ")
			.append(change.from())
			.append(" -> ")
			.append(change.to())
			.append(": ")
			.append(cause.outcome())
			.append(" in ")
			.append(micros / 1000)
			.append('.')
			.append(micros % 1000 / 100)
			.append(" ms (")
			.append(cause.detail())
			.append(')')
			.toString();
	}

}
