package dev.tcpshaker.internal;

import java.net.InetSocketAddress;

import dev.tcpshaker.CheckMethod;

/**
 * Runs checks of resolved addresses, tasks and timers on its own loop thread.
 */
public interface CheckEngine {

	/**
	 * Hands a check to the loop. Never blocks and never throws: a check that cannot run
	 * completes with an error through {@code completion}.
	 * @param address a resolved address
	 * @param deadlineNanos the {@link System#nanoTime()} by which the verdict is due
	 * @param completion receives the verdict exactly once
	 */
	void submit(InetSocketAddress address, long deadlineNanos, Check.Completion completion);

	/**
	 * Runs a task on the loop thread soon, in the order given. Any thread; never blocks.
	 * A task given to a stopped loop, or to one that stops before running it, is dropped:
	 * tasks are not checks, there is nothing to complete. After {@link #start()} again,
	 * the owner of a task gives it again.
	 * @param task what to run; it must not block
	 * @throws IllegalArgumentException when the task is {@code null}
	 */
	void execute(Runnable task);

	/**
	 * Arms a timer to {@link LoopTimer#expire expire} on the loop thread at or after
	 * {@code atNanos}; a timer already scheduled moves to the new time. Loop thread only.
	 * A stopping loop ignores it; a stop drops every timer.
	 * @param timer the timer
	 * @param atNanos a {@link System#nanoTime()} value
	 */
	void schedule(LoopTimer timer, long atNanos);

	/**
	 * Takes a timer out of the heap, so that it does not expire; does nothing when it is
	 * not scheduled. Loop thread only.
	 * @param timer the timer
	 */
	void cancel(LoopTimer timer);

	/**
	 * What the engine's checks do on the wire.
	 * @return {@link CheckMethod#HALF_OPEN} or {@link CheckMethod#CONNECT}
	 */
	CheckMethod method();

	/**
	 * A short name for logs and benchmarks, such as {@code epoll} or {@code nio}.
	 * @return the name
	 */
	String name();

	/** Opens the poller and starts the loop thread; does nothing when running. */
	void start();

	/**
	 * Stops the loop, failing every check in flight and queued, closing every socket and
	 * dropping every task and timer; no connect starts once it is called. Does nothing
	 * when stopped.
	 */
	void stop();

	boolean isRunning();

	/**
	 * Whether the calling thread is the engine's loop thread, where nothing may block.
	 * @return {@code true} on the loop thread
	 */
	boolean inLoop();

	/**
	 * Half-open checks closed more than 100 ms after they became ready.
	 * @return the count since the engine was created
	 */
	long lateCloses();

}
