package dev.tcpshaker.internal.monitor;

import dev.tcpshaker.internal.CheckEngine;
import dev.tcpshaker.internal.LoopTimer;

/**
 * Schedules on a shaker's own loop: timers share the loop's deadline heap with the
 * checks' timeouts, so a planned check starts on the loop in the turn its timer
 * expires, with no thread hand-off and no wake-up, and ten thousand targets cost no
 * thread each.
 */
final class LoopScheduler implements MonitorScheduler {

	private final CheckEngine loop;

	LoopScheduler(CheckEngine loop) {
		this.loop = loop;
	}

	@Override
	public void execute(Runnable task) {
		this.loop.execute(task);
	}

	/** Returns {@code null} while the loop is stopped: a stopped loop keeps no timer. */
	@Override
	public Scheduled schedule(Runnable task, long atNanos) {
		if (!this.loop.isRunning()) {
			return null;
		}
		TaskTimer timer = new TaskTimer(task);
		this.loop.schedule(timer, atNanos);
		return () -> this.loop.cancel(timer);
	}

	@Override
	public boolean inScheduler() {
		return this.loop.inLoop();
	}

	@Override
	public void close() {
		// The loop is the shaker's: it stays as it is.
	}

	/**
	 * A task due on the loop.
	 */
	private static final class TaskTimer extends LoopTimer {

		private final Runnable task;

		TaskTimer(Runnable task) {
			this.task = task;
		}

		@Override
		protected void expire(long nowNanos) {
			this.task.run();
		}

	}

}
