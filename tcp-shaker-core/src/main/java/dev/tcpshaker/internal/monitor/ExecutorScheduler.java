package dev.tcpshaker.internal.monitor;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on one timer thread of its own, for a monitor whose shaker has no loop to
 * lend (one that {@code TcpShaker.builder()} did not build).
 */
final class ExecutorScheduler implements MonitorScheduler {

	private final ScheduledThreadPoolExecutor executor;

	private volatile Thread thread;

	ExecutorScheduler(ThreadFactory threadFactory) {
		this.executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread made = threadFactory.newThread(runnable);
			this.thread = made;
			return made;
		});
		this.executor.setRemoveOnCancelPolicy(true);
	}

	@Override
	public void execute(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// Closed: like a stopped loop, it runs nothing more.
		}
	}

	@Override
	public Scheduled schedule(Runnable task, long atNanos) {
		try {
			ScheduledFuture<?> future = this.executor.schedule(task, atNanos - System.nanoTime(),
					TimeUnit.NANOSECONDS);
			return () -> future.cancel(false);
		}
		catch (RejectedExecutionException ex) {
			return null;
		}
	}

	@Override
	public boolean inScheduler() {
		return Thread.currentThread() == this.thread;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
