package dev.tcpshaker.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Resolves host names off the loop thread, on a small pool: {@link InetAddress} lookups
 * block, and a slow DNS server must never stall the checks of other targets.
 * <p>
 * One lookup per name runs at a time, shared by every check of that name (the JDK
 * serialises lookups of one name anyway), so a name whose DNS hangs holds one thread,
 * not the whole pool, and the pool's queue holds at most one task per distinct name.
 * Address literals never come here: {@link dev.tcpshaker.HostAndPort} parses them on
 * the caller's thread.
 */
final class Resolver {

	private static final int THREADS = 8;

	private final ThreadPoolExecutor executor;

	private final ConcurrentHashMap<String, CompletableFuture<InetAddress>> lookups = new ConcurrentHashMap<>();

	private final Lookup lookup;

	Resolver(ThreadFactory threadFactory) {
		this(threadFactory, InetAddress::getByName);
	}

	Resolver(ThreadFactory threadFactory, Lookup lookup) {
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threadFactory);
		this.executor.allowCoreThreadTimeOut(true);
		this.lookup = lookup;
	}

	/**
	 * Resolves a host name. The future fails with {@link UnknownHostException} for an
	 * unknown name and with {@link ClosedException} once the resolver is closed; the
	 * caller bounds it in time, on its own copy.
	 * @param host a host name, not a literal
	 * @return a future of the address, private to the caller
	 */
	CompletableFuture<InetAddress> resolve(String host) {
		CompletableFuture<InetAddress> created = new CompletableFuture<>();
		CompletableFuture<InetAddress> running = this.lookups.putIfAbsent(host, created);
		if (running != null) {
			return running.copy();
		}
		created.whenComplete((address, failure) -> this.lookups.remove(host, created));
		try {
			this.executor.execute(() -> lookUp(host, created));
		}
		catch (RejectedExecutionException ex) {
			created.completeExceptionally(new ClosedException());
		}
		return created.copy();
	}

	/**
	 * Completes the shared lookup whatever happens. The JVM's first lookup loads classes
	 * and native code: out of file descriptors it throws {@code InternalError} or
	 * {@code NoClassDefFoundError}, and a lookup left pending would make every later
	 * check of that name wait for a future that never completes.
	 */
	private void lookUp(String host, CompletableFuture<InetAddress> result) {
		InetAddress address = null;
		Throwable failure = null;
		try {
			address = this.lookup.byName(host);
		}
		catch (Throwable ex) {
			failure = ex;
		}
		// Out of the map first: a caller who sees this lookup done then starts a fresh one.
		this.lookups.remove(host, result);
		if (failure == null) {
			result.complete(address);
		}
		else {
			result.completeExceptionally(failure);
		}
	}

	/**
	 * Stops the lookup threads and fails every lookup still waiting.
	 * @param wait whether to give a lookup stuck in the resolver a second to notice
	 * (callers on a thread that must not block pass {@code false})
	 */
	void close(boolean wait) {
		this.executor.shutdownNow();
		this.lookups.values().forEach((lookup) -> lookup.completeExceptionally(new ClosedException()));
		if (wait) {
			try {
				this.executor.awaitTermination(1, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Looks up one name; {@link InetAddress#getByName} outside tests.
	 */
	@FunctionalInterface
	interface Lookup {

		InetAddress byName(String host) throws UnknownHostException;

	}

	/**
	 * A lookup that ended because the shaker closed.
	 */
	static final class ClosedException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		ClosedException() {
			super("the TcpShaker was closed during the name lookup");
		}

	}

}
