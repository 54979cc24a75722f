package dev.tcpshaker.internal;

import java.net.InetSocketAddress;

import dev.tcpshaker.CheckMethod;

/**
 * Runs checks of resolved addresses on its own loop thread.
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

	/** Stops the loop, failing every check in flight and closing every socket; does nothing when stopped. */
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
