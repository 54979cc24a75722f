package dev.tcpshaker.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;

/**
 * Runs a fixed number of checks of one address with at most a given number in flight,
 * and measures them. One use only.
 * <p>
 * Each verdict starts the next check from its completion, on the shaker's loop thread,
 * so a check waiting for a free place costs no thread hand-off: the loop takes the new
 * check in the same turn. Pitfall: a check can complete inside {@code checkAsync} (a
 * rejected one does), so starting is a drain loop, never a recursion.
 */
final class CheckRun {

	/** Failed checks kept for {@code -v}. */
	static final int FAILURE_SAMPLES = 10;

	private static final CheckOutcome[] OUTCOMES = CheckOutcome.values();

	private final TcpShaker shaker;

	private final InetSocketAddress address;

	private final Duration timeout;

	private final int requests;

	private final int concurrency;

	private final BiConsumer<CheckResult, Throwable> onVerdict = this::onVerdict;

	/** Starts asked for and not yet made; whoever raises it from 0 makes them all. */
	private final AtomicInteger pendingStarts = new AtomicInteger();

	/** Checks started; written only by the thread that owns {@link #pendingStarts}. */
	private int started;

	/** Next free index in the result arrays. */
	private final AtomicInteger recorded = new AtomicInteger();

	/** Verdicts whose results are written: reaching {@code requests} ends the run. */
	private final AtomicInteger finished = new AtomicInteger();

	private final byte[] outcomes;

	private final int[] latencyMicros;

	private final AtomicInteger sampled = new AtomicInteger();

	private final ConcurrentLinkedQueue<CheckResult> failureSamples = new ConcurrentLinkedQueue<>();

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile long lastVerdictNanos;

	/**
	 * @param shaker the shaker to run the checks on
	 * @param address a resolved address
	 * @param timeout the timeout of each check
	 * @param requests how many checks to run
	 * @param concurrency the most checks in flight, at most {@code requests}
	 */
	CheckRun(TcpShaker shaker, InetSocketAddress address, Duration timeout, int requests, int concurrency) {
		this.shaker = shaker;
		this.address = address;
		this.timeout = timeout;
		this.requests = requests;
		this.concurrency = concurrency;
		this.outcomes = new byte[requests];
		this.latencyMicros = new int[requests];
	}

	/**
	 * Runs every check and waits for the last verdict. Each check is bounded by its
	 * timeout, so this returns within about {@code requests / concurrency} timeouts.
	 * @return what the run measured
	 * @throws InterruptedException if interrupted while waiting
	 */
	RunReport run() throws InterruptedException {
		ProcessCpu cpuAtStart = ProcessCpu.now();
		long startNanos = System.nanoTime();
		for (int i = 0; i < this.concurrency; i++) {
			startNext();
		}
		this.done.await();
		ProcessCpu cpu = ProcessCpu.now().since(cpuAtStart);
		double seconds = (this.lastVerdictNanos - startNanos) / 1e9;
		return report(seconds, cpu);
	}

	private void startNext() {
		if (this.pendingStarts.getAndIncrement() != 0) {
			return; // the thread draining the starts makes this one too
		}
		do {
			if (this.started < this.requests) {
				this.started++;
				this.shaker.checkAsync(this.address, this.timeout).whenComplete(this.onVerdict);
			}
		}
		while (this.pendingStarts.decrementAndGet() != 0);
	}

	private void onVerdict(CheckResult result, Throwable failure) {
		int index = this.recorded.getAndIncrement();
		if (result != null) {
			this.outcomes[index] = (byte) result.outcome().ordinal();
			this.latencyMicros[index] = (int) Math.min(Integer.MAX_VALUE, result.latency().toNanos() / 1000);
			if (!result.isUp() && this.sampled.getAndIncrement() < FAILURE_SAMPLES) {
				this.failureSamples.add(result);
			}
		}
		else {
			// checkAsync promises a normal completion; count a broken promise, never hang on it.
			this.outcomes[index] = (byte) CheckOutcome.ERROR.ordinal();
		}
		if (this.finished.incrementAndGet() == this.requests) {
			this.lastVerdictNanos = System.nanoTime();
			this.done.countDown();
		}
		else {
			startNext();
		}
	}

	private RunReport report(double seconds, ProcessCpu cpu) {
		Map<CheckOutcome, Integer> counts = new EnumMap<>(CheckOutcome.class);
		for (CheckOutcome outcome : OUTCOMES) {
			counts.put(outcome, 0);
		}
		for (byte outcome : this.outcomes) {
			counts.merge(OUTCOMES[outcome], 1, Integer::sum);
		}
		int[] sorted = this.latencyMicros.clone();
		Arrays.sort(sorted);
		return new RunReport(this.requests, counts, seconds, percentile(sorted, 50), percentile(sorted, 99), cpu,
				this.shaker.lateCloses(), List.copyOf(this.failureSamples));
	}

	/** The nearest-rank percentile, as the C yardstick computes it. */
	static int percentile(int[] sorted, int percent) {
		return (sorted.length == 0) ? 0 : sorted[(int) ((sorted.length - 1L) * percent / 100)];
	}

}
