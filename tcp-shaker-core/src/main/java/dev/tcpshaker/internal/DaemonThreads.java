package dev.tcpshaker.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads tcp-shaker makes when the user gives no factory: daemon platform threads
 * named {@code tcp-shaker-<job>-<n>}, so they never keep a JVM alive and show their job
 * in a thread dump.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/**
	 * The user's factory, or daemon threads named after their job.
	 * @param threadFactory the user's factory, or {@code null}
	 * @param job what the threads do, such as {@code loop}
	 * @return the factory to use
	 */
	public static ThreadFactory orDefault(ThreadFactory threadFactory, String job) {
		return (threadFactory != null) ? threadFactory : named(job);
	}

	/**
	 * Daemon platform threads named {@code tcp-shaker-<job>-<n>}.
	 * @param job what the threads do
	 * @return the factory
	 */
	public static ThreadFactory named(String job) {
		String prefix = "tcp-shaker-" + job + "-";
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
