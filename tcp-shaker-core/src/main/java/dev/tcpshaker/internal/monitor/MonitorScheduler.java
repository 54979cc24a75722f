package dev.tcpshaker.internal.monitor;

/**
 * The one thread on which a monitor plans and starts its checks: the shaker's loop, or a
 * timer thread of the monitor's own.
 */
interface MonitorScheduler {

	/**
	 * Runs a task on the scheduler's thread, soon. Any thread.
	 * @param task the task
	 */
	void execute(Runnable task);

	/**
	 * Runs a task on the scheduler's thread at or after a moment. Scheduler thread only.
	 * @param task the task
	 * @param atNanos the moment, on the {@link System#nanoTime()} scale
	 * @return a handle that cancels the task, or {@code null} when the scheduler runs no
	 * tasks now (a stopped loop): the task will not run
	 */
	Scheduled schedule(Runnable task, long atNanos);

	/**
	 * Whether the caller runs on the scheduler's thread.
	 * @return {@code true} there
	 */
	boolean inScheduler();

	/** Releases what the scheduler owns; a shaker's loop stays as it is. */
	void close();

	/**
	 * A task waiting for its moment.
	 */
	@FunctionalInterface
	interface Scheduled {

		/** Cancels the task unless it ran. Scheduler thread only. */
		void cancel();

	}

}
