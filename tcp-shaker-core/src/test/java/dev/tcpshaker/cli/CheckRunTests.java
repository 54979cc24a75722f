package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.test.LoopbackServers;

class CheckRunTests {

	private static final InetSocketAddress TARGET = new InetSocketAddress(LoopbackServers.ipv4(), 9);

	@Test
	void runKeepsExactlyConcurrencyChecksInFlight() throws InterruptedException {
		ExecutorService verdicts = Executors.newSingleThreadExecutor();
		try {
			FakeShaker shaker = new FakeShaker(verdicts);
			RunReport report = new CheckRun(shaker, TARGET, Duration.ofSeconds(1), 5_000, 16).run();
			assertThat(report.checks()).isEqualTo(5_000);
			assertThat(shaker.started.get()).isEqualTo(5_000);
			assertThat(shaker.maxInFlight.get()).isEqualTo(16);
		}
		finally {
			verdicts.shutdownNow();
		}
	}

	@Test
	void runSurvivesChecksThatCompleteInsideCheckAsync() throws InterruptedException {
		// A rejected check completes before checkAsync returns: starting the next one
		// from its completion must loop, not recurse 200 000 frames deep.
		FakeShaker shaker = new FakeShaker(Runnable::run);
		RunReport report = new CheckRun(shaker, TARGET, Duration.ofSeconds(1), 200_000, 1).run();
		assertThat(report.checks()).isEqualTo(200_000);
		assertThat(shaker.maxInFlight.get()).isEqualTo(1);
	}

	@Test
	void runCountsOutcomesAndLatencyPercentiles() throws InterruptedException {
		FakeShaker shaker = new FakeShaker(Runnable::run);
		RunReport report = new CheckRun(shaker, TARGET, Duration.ofSeconds(1), 100, 4).run();
		// The fake answers check i (from 1) with REFUSED when i is a multiple of 4, and i us latency.
		assertThat(report.count(CheckOutcome.UP)).isEqualTo(75);
		assertThat(report.count(CheckOutcome.REFUSED)).isEqualTo(25);
		assertThat(report.other()).isZero();
		assertThat(report.p50Micros()).isEqualTo(50);
		assertThat(report.p99Micros()).isEqualTo(99);
		assertThat(report.failureSamples()).hasSize(CheckRun.FAILURE_SAMPLES);
		assertThat(report.resultLine()).startsWith("checks=100 up=75 refused=25 timeout=0 other=0 seconds=");
	}

	@Test
	void percentileIsNearestRankLikeTheCYardstick() {
		int[] sorted = { 10, 20, 30, 40 };
		assertThat(CheckRun.percentile(sorted, 50)).isEqualTo(20);
		assertThat(CheckRun.percentile(sorted, 99)).isEqualTo(30);
		assertThat(CheckRun.percentile(new int[0], 50)).isZero();
	}

	/** Completes each check on the given executor, tracking how many were in flight at most. */
	private static final class FakeShaker implements TcpShaker {

		private final Executor verdicts;

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger maxInFlight = new AtomicInteger();

		FakeShaker(Executor verdicts) {
			this.verdicts = verdicts;
		}

		@Override
		public CompletableFuture<CheckResult> checkAsync(InetSocketAddress address, Duration timeout) {
			int number = this.started.incrementAndGet();
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			CompletableFuture<CheckResult> result = new CompletableFuture<>();
			this.verdicts.execute(() -> {
				this.inFlight.decrementAndGet();
				CheckOutcome outcome = (number % 4 == 0) ? CheckOutcome.REFUSED : CheckOutcome.UP;
				result.complete(new CheckResult(address.getHostString(), address.getPort(), address, outcome,
						Duration.ofNanos(number * 1000L), "fake"));
			});
			return result;
		}

		@Override
		public CompletableFuture<CheckResult> checkAsync(String host, int port, Duration timeout) {
			throw new UnsupportedOperationException("the run checks resolved addresses only");
		}

		@Override
		public CheckResult check(String host, int port) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CheckResult check(String host, int port, Duration timeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CheckResult check(InetSocketAddress address, Duration timeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CheckMethod method() {
			return CheckMethod.HALF_OPEN;
		}

		@Override
		public dev.tcpshaker.Engine engine() {
			return dev.tcpshaker.Engine.NIO;
		}

		@Override
		public long lateCloses() {
			return 0;
		}

		@Override
		public int inFlight() {
			return this.inFlight.get();
		}

		@Override
		public void close() {
		}

	}

}
