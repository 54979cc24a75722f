package dev.tcpshaker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

import dev.tcpshaker.internal.Arguments;
import dev.tcpshaker.internal.DefaultTcpShaker;
import dev.tcpshaker.internal.Engines;

/**
 * Checks whether TCP ports are listening, by default with a half-open handshake
 * (SYN, SYN-ACK, then our RST) so the target's application never sees a connection.
 * <p>
 * A shaker is thread-safe and meant to be shared: one loop thread serves every check.
 * Runtime conditions (refused, timeout, unknown host, too many checks in flight,
 * shut down) come back as a {@link CheckResult}; only programming errors (a port
 * outside 1..65535, a blank host, a non-positive timeout) throw
 * {@link IllegalArgumentException}. No call waits longer than its timeout.
 * <p>
 * Pitfall: futures returned by {@code checkAsync} complete on the loop thread, so
 * dependent stages added with {@code thenApply} and friends run there too. Keep them
 * short or use the {@code ...Async} variants: a busy loop thread delays the closing
 * RST of other checks, and a check closed more than 200 ms after the SYN-ACK turns
 * into a full connection (see {@link #lateCloses()}).
 */
public interface TcpShaker extends AutoCloseable {

	/**
	 * How long past a check's timeout a blocking wait for its verdict gives the loop
	 * before it reports that no verdict came. The loop always delivers by the deadline;
	 * this only guards callers against a loop that died or is stuck.
	 */
	Duration VERDICT_GRACE = Duration.ofSeconds(1);

	/**
	 * Checks {@code host:port} within the default timeout, blocking until the verdict.
	 * @param host a host name or address literal
	 * @param port the port, in 1..65535
	 * @return the result
	 */
	CheckResult check(String host, int port);

	/**
	 * Checks {@code host:port} within {@code timeout}, blocking until the verdict. The
	 * timeout covers the name lookup too.
	 * @param host a host name or address literal
	 * @param port the port, in 1..65535
	 * @param timeout a positive timeout
	 * @return the result
	 */
	CheckResult check(String host, int port, Duration timeout);

	/**
	 * Checks an address within {@code timeout}, blocking until the verdict. An
	 * unresolved address is resolved first, within the same timeout.
	 * @param address the address
	 * @param timeout a positive timeout
	 * @return the result
	 */
	CheckResult check(InetSocketAddress address, Duration timeout);

	/**
	 * Starts a check of {@code host:port} and returns at once.
	 * @param host a host name or address literal
	 * @param port the port, in 1..65535
	 * @param timeout a positive timeout, covering the name lookup too
	 * @return a future that always completes normally, within the timeout
	 */
	CompletableFuture<CheckResult> checkAsync(String host, int port, Duration timeout);

	/**
	 * Starts a check of an address and returns at once.
	 * @param address the address; resolved first when unresolved
	 * @param timeout a positive timeout
	 * @return a future that always completes normally, within the timeout
	 */
	CompletableFuture<CheckResult> checkAsync(InetSocketAddress address, Duration timeout);

	/**
	 * The method that actually runs: {@link CheckMethod#HALF_OPEN} or
	 * {@link CheckMethod#CONNECT}, never {@link CheckMethod#AUTO}.
	 * @return the method in use
	 */
	CheckMethod method();

	/**
	 * The engine that actually runs: {@link Engine#EPOLL} or {@link Engine#NIO}, never
	 * {@link Engine#AUTO}.
	 * @return the engine in use
	 */
	Engine engine();

	/**
	 * Half-open checks whose socket was closed more than 100 ms after it became ready.
	 * Past 200 ms the kernel completes the handshake and the target accepts a
	 * connection, so a growing count means the checks are no longer stealthy.
	 * @return the number of late closes since the shaker was built
	 */
	long lateCloses();

	/**
	 * Checks started and not yet completed, including those waiting for a name lookup.
	 * @return the number of checks in flight
	 */
	int inFlight();

	/**
	 * Stops the loop: checks still in flight complete with {@link CheckOutcome#ERROR},
	 * every socket is closed, and later checks complete with {@link CheckOutcome#ERROR}.
	 */
	@Override
	void close();

	/**
	 * Starts loading the epoll engine's native code (0.3 to 0.7 s of jnr-ffi class
	 * generation, once per JVM) on a daemon thread and returns at once, so that a later
	 * {@code build()} does not pay for it. Call it early in start-up; a build that comes
	 * first simply waits for the load in progress. Does nothing off Linux or when the
	 * load already happened.
	 */
	static void preloadNativeEngine() {
		Engines.preloadInBackground();
	}

	/**
	 * Starts building a shaker.
	 * @return a new builder
	 */
	static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link TcpShaker} that is ready to use.
	 */
	final class Builder {

		private Duration defaultTimeout = Duration.ofSeconds(1);

		private int maxInFlight = 10_000;

		private CheckMethod method = CheckMethod.AUTO;

		private ThreadFactory threadFactory;

		private Engine engine = Engine.AUTO;

		private Builder() {
		}

		/**
		 * Sets the timeout of checks that name none. Defaults to 1 second.
		 * @param timeout a positive timeout
		 * @return this builder
		 */
		public Builder defaultTimeout(Duration timeout) {
			this.defaultTimeout = Arguments.requirePositive("defaultTimeout", timeout);
			return this;
		}

		/**
		 * Sets how many checks may be in flight at once; beyond it a check completes at
		 * once with {@link CheckOutcome#ERROR}. Defaults to 10 000.
		 * @param maxInFlight a positive limit
		 * @return this builder
		 */
		public Builder maxInFlight(int maxInFlight) {
			this.maxInFlight = Arguments.requirePositive("maxInFlight", maxInFlight);
			return this;
		}

		/**
		 * Sets the check method. Defaults to {@link CheckMethod#AUTO}.
		 * @param method the method
		 * @return this builder
		 */
		public Builder method(CheckMethod method) {
			if (method == null) {
				throw new IllegalArgumentException("method must not be null");
			}
			this.method = method;
			return this;
		}

		/**
		 * Sets the engine. Defaults to {@link Engine#AUTO}: epoll where its native code
		 * loads, the pure-JDK engine otherwise.
		 * @param engine the engine
		 * @return this builder
		 */
		public Builder engine(Engine engine) {
			if (engine == null) {
				throw new IllegalArgumentException("engine must not be null");
			}
			this.engine = engine;
			return this;
		}

		/**
		 * Sets the factory of the loop and name-lookup threads. Defaults to daemon
		 * platform threads named {@code tcp-shaker-*}. The loop thread blocks in native
		 * {@code epoll_wait}, so it must not be a virtual thread.
		 * @param threadFactory the factory
		 * @return this builder
		 */
		public Builder threadFactory(ThreadFactory threadFactory) {
			if (threadFactory == null) {
				throw new IllegalArgumentException("threadFactory must not be null");
			}
			this.threadFactory = threadFactory;
			return this;
		}

		/**
		 * Builds and starts the shaker: native code is loaded and the loop thread
		 * runs when this returns.
		 * @return a running shaker
		 * @throws IllegalStateException when the engine or method asked for cannot run
		 * here (epoll off Linux, half-open without {@code TCP_QUICKACK}), or the loop
		 * cannot start (for example when the process is out of file descriptors), with
		 * the reason in the message
		 */
		public TcpShaker build() {
			return DefaultTcpShaker.start(this.engine, this.method, this.defaultTimeout, this.maxInFlight,
					this.threadFactory);
		}

	}

}
