package dev.tcpshaker.internal;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.Engine;
import dev.tcpshaker.HostAndPort;
import dev.tcpshaker.TcpShaker;

/**
 * The {@link TcpShaker} behind the builder: validates arguments, bounds the checks in
 * flight, resolves names off the loop within each check's deadline, and turns the
 * engine's verdicts into {@link CheckResult}s. The engine owns the loop and the sockets.
 * <p>
 * It can be stopped and started again (the Spring lifecycle does so); {@link #close()}
 * stops it for good.
 */
public final class DefaultTcpShaker implements TcpShaker, Restartable {

	private final CheckEngine engine;

	private final Resolver resolver;

	private final Duration defaultTimeout;

	private final int maxInFlight;

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean closed;

	/** Run after the loop starts again following a stop. */
	private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();

	DefaultTcpShaker(CheckEngine engine, Duration defaultTimeout, int maxInFlight, ThreadFactory threadFactory) {
		this.engine = engine;
		this.defaultTimeout = Arguments.requirePositive("defaultTimeout", defaultTimeout);
		this.maxInFlight = Arguments.requirePositive("maxInFlight", maxInFlight);
		this.resolver = new Resolver(DaemonThreads.orDefault(threadFactory, "dns"));
	}

	/**
	 * Creates and starts a shaker; what {@code TcpShaker.builder().build()} returns.
	 * @param engine the engine to use
	 * @param method the requested method
	 * @param defaultTimeout the timeout of checks that name none
	 * @param maxInFlight the most checks in flight at once
	 * @param threadFactory makes the loop and lookup threads, or {@code null} for daemon threads
	 * @return a running shaker
	 * @throws IllegalStateException when the engine or method cannot run here, or the loop
	 * cannot start (for example when the process is out of file descriptors)
	 */
	public static DefaultTcpShaker start(Engine engine, CheckMethod method, Duration defaultTimeout, int maxInFlight,
			ThreadFactory threadFactory) {
		CheckEngine loop = Engines.create(engine, method, DaemonThreads.orDefault(threadFactory, "loop"));
		DefaultTcpShaker shaker = new DefaultTcpShaker(loop, defaultTimeout, maxInFlight, threadFactory);
		try {
			shaker.start();
		}
		catch (UncheckedIOException ex) {
			// epoll_create1, eventfd or Selector.open failed, say out of file descriptors:
			// a runtime condition of this process, reported as the loop not starting.
			shaker.close();
			throw new IllegalStateException(ex.getMessage() + ": " + ex.getCause().getMessage(), ex);
		}
		return shaker;
	}

	@Override
	public CheckResult check(String host, int port) {
		return check(host, port, this.defaultTimeout);
	}

	@Override
	public CheckResult check(String host, int port, Duration timeout) {
		requireNotInLoop();
		return BlockingWait.await(checkAsync(host, port, timeout), host, port, timeout, this.engine.name());
	}

	@Override
	public CheckResult check(InetSocketAddress address, Duration timeout) {
		requireNotInLoop();
		return BlockingWait.await(checkAsync(address, timeout), requireAddress(address).getHostString(),
				address.getPort(), timeout, this.engine.name());
	}

	/**
	 * A blocking check on the loop thread would wait for the loop it blocks: it could
	 * only time out, and every other check would stall meanwhile.
	 */
	private void requireNotInLoop() {
		if (this.engine.inLoop()) {
			throw new IllegalStateException(
					"check() blocks and cannot run on the tcp-shaker loop thread, where futures complete; "
							+ "use checkAsync() there");
		}
	}

	@Override
	public CompletableFuture<CheckResult> checkAsync(String host, int port, Duration timeout) {
		InetSocketAddress address = new HostAndPort(host, port).toSocketAddress();
		Arguments.requirePositive("timeout", timeout);
		long start = System.nanoTime();
		return begin(host, port, address.isUnresolved() ? null : address, start, deadline(start, timeout), true);
	}

	/**
	 * A check the in-flight limit never refuses, for the monitor: it keeps at most one
	 * check per target in flight, and the limit it shares with on-demand checks must
	 * never fail a target. The check still counts in {@link #inFlight()}.
	 * @param host the host as configured
	 * @param port the port
	 * @param literal the resolved address when the host is a literal, else {@code null}
	 * @param timeout a positive timeout
	 * @return a future that completes normally within the timeout
	 */
	public CompletableFuture<CheckResult> checkAsyncOutsideLimit(String host, int port, InetSocketAddress literal,
			Duration timeout) {
		long start = System.nanoTime();
		return begin(host, port, literal, start, deadline(start, timeout), false);
	}

	@Override
	public CompletableFuture<CheckResult> checkAsync(InetSocketAddress address, Duration timeout) {
		requireAddress(address);
		Arguments.requirePositive("timeout", timeout);
		InetSocketAddress resolved = address;
		if (address.isUnresolved()) {
			InetSocketAddress literal = new HostAndPort(address.getHostString(), address.getPort()).toSocketAddress();
			resolved = literal.isUnresolved() ? null : literal;
		}
		long start = System.nanoTime();
		return begin(address.getHostString(), address.getPort(), resolved, start, deadline(start, timeout), true);
	}

	private static InetSocketAddress requireAddress(InetSocketAddress address) {
		if (address == null) {
			throw new IllegalArgumentException("address must not be null");
		}
		HostAndPort.requireValidHost(address.getHostString());
		HostAndPort.requireValidPort(address.getPort());
		return address;
	}

	private static long deadline(long start, Duration timeout) {
		return start + VerdictGrace.cappedNanos(timeout);
	}

	/** Counts a check in flight and hands it to the resolver or straight to the engine. */
	private CompletableFuture<CheckResult> begin(String host, int port, InetSocketAddress resolved, long start,
			long deadline, boolean limited) {
		if (this.closed) {
			return CompletableFuture.completedFuture(
					result(host, port, null, CheckOutcome.ERROR, "the TcpShaker is closed", start, System.nanoTime()));
		}
		if (this.inFlight.incrementAndGet() > this.maxInFlight && limited) {
			this.inFlight.decrementAndGet();
			return CompletableFuture.completedFuture(result(host, port, null, CheckOutcome.ERROR,
					"too many checks in flight (maxInFlight=" + this.maxInFlight + ")", start, System.nanoTime()));
		}
		PendingCheck pending = new PendingCheck(host, port, start);
		if (resolved != null) {
			pending.submit(resolved, deadline);
			return pending.future;
		}
		this.resolver.resolve(host)
			.orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
			.whenComplete((address, failure) -> {
				if (failure == null) {
					pending.submit(new InetSocketAddress(address, port), deadline);
				}
				else {
					pending.unresolved(failure);
				}
			});
		return pending.future;
	}

	private static CheckResult result(String host, int port, InetSocketAddress address, CheckOutcome outcome,
			String detail, long start, long end) {
		return new CheckResult(host, port, address, outcome, Duration.ofNanos(end - start), detail);
	}

	/**
	 * A check counted in flight: it leaves the count before its future completes, so
	 * whoever sees the future done also sees the count without it.
	 */
	private final class PendingCheck {

		private final String host;

		private final int port;

		private final long start;

		private final CompletableFuture<CheckResult> future = new CompletableFuture<>();

		PendingCheck(String host, int port, long start) {
			this.host = host;
			this.port = port;
			this.start = start;
		}

		void submit(InetSocketAddress address, long deadline) {
			DefaultTcpShaker.this.engine.submit(address, deadline,
					(outcome, detail, end) -> complete(address, outcome, detail, end));
		}

		void unresolved(Throwable failure) {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			if (cause instanceof Resolver.ClosedException) {
				complete(null, CheckOutcome.ERROR, "the TcpShaker is closed", System.nanoTime());
			}
			else if (cause instanceof UnknownHostException) {
				complete(null, CheckOutcome.UNRESOLVED, "unknown host " + this.host, System.nanoTime());
			}
			else if (cause instanceof TimeoutException) {
				complete(null, CheckOutcome.TIMEOUT,
						"the name lookup of " + this.host + " did not finish before the timeout", System.nanoTime());
			}
			else {
				complete(null, CheckOutcome.ERROR, "the name lookup of " + this.host + " failed: " + cause,
						System.nanoTime());
			}
		}

		private void complete(InetSocketAddress address, CheckOutcome outcome, String detail, long end) {
			DefaultTcpShaker.this.inFlight.decrementAndGet();
			this.future.complete(result(this.host, this.port, address, outcome, detail, this.start, end));
		}

	}

	@Override
	public CheckMethod method() {
		return this.engine.method();
	}

	@Override
	public Engine engine() {
		return Engine.valueOf(this.engine.name().toUpperCase(Locale.ROOT));
	}

	@Override
	public long lateCloses() {
		return this.engine.lateCloses();
	}

	@Override
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * The loop the checks run on, for a monitor to schedule on.
	 * @return the engine
	 */
	public CheckEngine loop() {
		return this.engine;
	}

	@Override
	public void start() {
		if (this.closed) {
			return;
		}
		boolean restarting = !this.engine.isRunning();
		this.engine.start();
		if (restarting) {
			this.restartListeners.forEach(Runnable::run);
		}
	}

	/**
	 * Runs a task each time the loop starts again after a stop: a stopped loop drops its
	 * timers, and the monitor arms them again.
	 * @param listener the task, run on the thread that restarts the loop
	 */
	public void onLoopRestart(Runnable listener) {
		this.restartListeners.add(listener);
	}

	@Override
	public void stop() {
		this.engine.stop();
	}

	@Override
	public boolean isRunning() {
		return this.engine.isRunning();
	}

	@Override
	public void close() {
		this.closed = true;
		this.engine.stop();
		// On the loop thread nothing may wait: sockets ready now must be closed at once.
		this.resolver.close(!this.engine.inLoop());
	}

}
