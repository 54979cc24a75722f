package dev.tcpshaker.internal.monitor;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.monitor.CheckListener;
import dev.tcpshaker.monitor.MonitoredTarget;

/**
 * Warns when the shaker's late closes grow during a run, at most once a minute: each is
 * a half-open check that came close to becoming a connection (past 200 ms it does).
 * <p>
 * Runs on the check loop after every scheduled check, so it costs one volatile read and
 * a comparison; the rare warning itself is handed to the monitor's event thread, since
 * a log appender may block.
 */
final class LateCloseWatch implements CheckListener {

	private static final Logger logger = LoggerFactory.getLogger("dev.tcpshaker.monitor");

	static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final LongSupplier lateCloses;

	private final LongSupplier nanoTime;

	private final Executor warnings;

	private final Consumer<String> warn;

	/** The count the last warning reported, or the count at the start. */
	private final AtomicLong reported;

	private final AtomicLong lastWarningNanos;

	LateCloseWatch(LongSupplier lateCloses, Executor warnings) {
		this(lateCloses, System::nanoTime, warnings, logger::warn);
	}

	LateCloseWatch(LongSupplier lateCloses, LongSupplier nanoTime, Executor warnings, Consumer<String> warn) {
		this.lateCloses = lateCloses;
		this.nanoTime = nanoTime;
		this.warnings = warnings;
		this.warn = warn;
		this.reported = new AtomicLong(lateCloses.getAsLong());
		this.lastWarningNanos = new AtomicLong(nanoTime.getAsLong() - QUIET_NANOS);
	}

	@Override
	public void checked(MonitoredTarget target, CheckResult result) {
		long count = this.lateCloses.getAsLong();
		long reported = this.reported.get();
		if (count <= reported) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		long last = this.lastWarningNanos.get();
		if (now - last < QUIET_NANOS || !this.lastWarningNanos.compareAndSet(last, now)) {
			return; // reported once the quiet minute is over
		}
		this.reported.set(count);
		String message = String.format("tcp-shaker: %d more half-open check%s closed late (more than 100 ms after"
				+ " the SYN-ACK; %d since start): past 200 ms the kernel completes the handshake and targets see"
				+ " a connection. Is the check loop busy (slow check listeners or future stages) or the machine"
				+ " overloaded?", count - reported, (count - reported == 1) ? " was" : "s were", count);
		try {
			this.warnings.execute(() -> this.warn.accept(message));
		}
		catch (RejectedExecutionException ex) {
			// The monitor is closed: nobody to warn.
		}
	}

}
