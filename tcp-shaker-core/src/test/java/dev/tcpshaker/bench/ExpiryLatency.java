package dev.tcpshaker.bench;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.Engine;
import dev.tcpshaker.internal.CheckEngine;
import dev.tcpshaker.internal.Engines;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.Blackhole;

/**
 * How late timeout verdicts arrive when many checks share one deadline: submits
 * {@code count} half-open checks of a full-backlog loopback blackhole, all due at the
 * same instant, and reports percentiles of (verdict delivered - deadline) per engine.
 * A benchmark, not a test: run it with {@code bench/expiry-latency.sh}.
 * <p>
 * Arguments: {@code [count] [timeoutMillis] [rounds] [engines...]}, by default
 * {@code 10000 100 5 epoll nio}. Two unmeasured rounds warm the JIT up first.
 */
public final class ExpiryLatency {

	private ExpiryLatency() {
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		long timeoutNanos = TimeUnit.MILLISECONDS.toNanos((args.length > 1) ? Long.parseLong(args[1]) : 100);
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		String[] engines = (args.length > 3) ? Arrays.copyOfRange(args, 3, args.length) : new String[] { "epoll", "nio" };
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			InetSocketAddress target = new InetSocketAddress(LoopbackServers.ipv4(), blackhole.port());
			for (String name : engines) {
				Engine kind = Engine.valueOf(name.toUpperCase(Locale.ROOT));
				CheckEngine engine = Engines.create(kind, CheckMethod.HALF_OPEN, Thread::new);
				engine.start();
				try {
					for (int i = 0; i < 2; i++) {
						round(engine, target, count, timeoutNanos);
					}
					long[] all = new long[0];
					for (int i = 0; i < rounds; i++) {
						Round round = round(engine, target, count, timeoutNanos);
						System.out.println(name + " round " + (i + 1) + ": " + round.summary());
						all = concat(all, round.lateNanos);
					}
					System.out.println(name + " all rounds: " + percentiles(all));
				}
				finally {
					engine.stop();
				}
			}
		}
	}

	private static Round round(CheckEngine engine, InetSocketAddress target, int count, long timeoutNanos)
			throws InterruptedException {
		long[] lateNanos = new long[count];
		AtomicInteger timeouts = new AtomicInteger();
		AtomicInteger notStarted = new AtomicInteger();
		AtomicInteger others = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(count);
		long deadline = System.nanoTime() + timeoutNanos;
		for (int i = 0; i < count; i++) {
			int index = i;
			// A future per check, as DefaultTcpShaker completes one for each verdict.
			CompletableFuture<CheckOutcome> future = new CompletableFuture<>();
			future.thenRun(done::countDown);
			engine.submit(target, deadline, (outcome, detail, end) -> {
				lateNanos[index] = System.nanoTime() - deadline;
				if (outcome == CheckOutcome.TIMEOUT && detail.startsWith("no answer")) {
					timeouts.incrementAndGet();
				}
				else if (detail.contains("never started") || detail.contains("before the SYN")) {
					notStarted.incrementAndGet();
				}
				else {
					others.incrementAndGet();
				}
				future.complete(outcome);
			});
		}
		if (!done.await(timeoutNanos + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS)) {
			throw new IllegalStateException("verdicts missing after 30 s: " + done.getCount());
		}
		return new Round(lateNanos, timeouts.get(), notStarted.get(), others.get());
	}

	private static long[] concat(long[] a, long[] b) {
		long[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private static String percentiles(long[] lateNanos) {
		long[] sorted = lateNanos.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "late p50=%.1f ms p99=%.1f ms max=%.1f ms (n=%d)", millis(sorted, 0.50),
				millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
	}

	private static double millis(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
	}

	private record Round(long[] lateNanos, int timeouts, int notStarted, int others) {

		String summary() {
			return percentiles(this.lateNanos) + "; timeouts=" + this.timeouts + " never-started=" + this.notStarted
					+ " other=" + this.others;
		}

	}

}
