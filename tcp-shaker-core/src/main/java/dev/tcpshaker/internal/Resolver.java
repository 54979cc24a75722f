package dev.tcpshaker.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Resolves host names off the loop thread, on a small pool: {@link InetAddress} lookups
 * block, and a slow DNS server must never stall the checks of other targets. Address
 * literals are parsed on the caller's thread, with no lookup.
 */
final class Resolver {

	private static final int THREADS = 4;

	private final ThreadPoolExecutor executor;

	Resolver(ThreadFactory threadFactory) {
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threadFactory);
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Resolves {@code host}; the future fails with {@link UnknownHostException} for an
	 * unknown name. Bounding it in time is the caller's job.
	 */
	CompletableFuture<InetAddress> resolve(String host) {
		if (isLiteral(host)) {
			try {
				return CompletableFuture.completedFuture(InetAddress.getByName(host));
			}
			catch (UnknownHostException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		return CompletableFuture.supplyAsync(() -> {
			try {
				return InetAddress.getByName(host);
			}
			catch (UnknownHostException ex) {
				throw new CompletionException(ex);
			}
		}, this.executor);
	}

	/** An IPv6 literal has a colon; an IPv4 literal is digits and dots only. */
	static boolean isLiteral(String host) {
		if (host.indexOf(':') >= 0) {
			return true;
		}
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (c != '.' && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	/** Stops the lookup threads; a lookup stuck in the resolver gets a second to notice. */
	void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
