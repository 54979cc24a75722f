package dev.tcpshaker.internal;

import dev.tcpshaker.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.test.FileDescriptors;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.Blackhole;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

/**
 * The behaviour every engine must show, against real loopback targets.
 */
abstract class TcpShakerContractTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** The timeout of checks of a blackhole whose stage must be added before the verdict. */
	private static final Duration UNANSWERED_TIMEOUT = Duration.ofMillis(500);

	private DefaultTcpShaker shaker;

	private int baselineFds;

	protected abstract Engine kind();

	protected DefaultTcpShaker newShaker(CheckMethod method, int maxInFlight) {
		return DefaultTcpShaker.start(kind(), method, Duration.ofSeconds(1), maxInFlight, null);
	}

	@BeforeEach
	void startShaker() {
		this.baselineFds = FileDescriptors.count();
		this.shaker = newShaker(CheckMethod.HALF_OPEN, 10_000);
	}

	@AfterEach
	void closeShaker() {
		this.shaker.close();
	}

	@Test
	void methodReportsHalfOpen() {
		assertThat(this.shaker.method()).isEqualTo(CheckMethod.HALF_OPEN);
		assertThat(this.shaker.engine()).isEqualTo(kind());
	}

	@Test
	void checkReportsUpWithoutTheListenerAcceptingAConnection() {
		try (CountingListener listener = LoopbackServers.listener()) {
			CheckResult result = this.shaker.check("127.0.0.1", listener.port(), TIMEOUT);
			assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
			assertThat(result.isUp()).isTrue();
			assertThat(result.address()).isEqualTo(listener.socketAddress());
			assertThat(result.host()).isEqualTo("127.0.0.1");
			assertThat(result.latency()).isPositive();
			assertThat(listener.acceptCount()).isZero();
		}
	}

	@Test
	void thousandChecksAtConcurrency100AreAllUpAndNeverAccepted() throws Exception {
		try (CountingListener listener = LoopbackServers.listener()) {
			List<CheckResult> results = runConcurrently(1_000, 100, listener.socketAddress());
			assertThat(results).hasSize(1_000).allSatisfy((r) -> assertThat(r.outcome()).isEqualTo(CheckOutcome.UP));
			assertThat(listener.acceptCountBeforeMarker()).isZero();
		}
	}

	@Test
	void connectMethodMakesTheListenerAcceptWhichProvesTheCountWorks() {
		try (CountingListener listener = LoopbackServers.listener();
				DefaultTcpShaker connecting = newShaker(CheckMethod.CONNECT, 100)) {
			assertThat(connecting.method()).isEqualTo(CheckMethod.CONNECT);
			for (int i = 0; i < 5; i++) {
				assertThat(connecting.check("127.0.0.1", listener.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
			}
			assertThat(listener.acceptCountBeforeMarker()).isEqualTo(5);
		}
	}

	@Test
	void checkReportsRefusedForClosedPort() {
		try (ClosedPort closed = LoopbackServers.closedPort()) {
			CheckResult result = this.shaker.check("127.0.0.1", closed.port(), TIMEOUT);
			assertThat(result.outcome()).isEqualTo(CheckOutcome.REFUSED);
			assertThat(result.detail()).containsIgnoringCase("refused");
		}
	}

	@Test
	void refusedDetailReadsTheSameOnEveryEngine() {
		try (ClosedPort closed = LoopbackServers.closedPort()) {
			CheckResult result = this.shaker.check("127.0.0.1", closed.port(), TIMEOUT);
			assertThat(result.detail()).isEqualTo("ECONNREFUSED: Connection refused");
		}
	}

	@Test
	void checkReportsTimeoutForFullBacklogListenerNeverBeforeTheTimeout() {
		Duration timeout = Duration.ofMillis(300);
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			for (int i = 0; i < 3; i++) {
				CheckResult result = this.shaker.check("127.0.0.1", blackhole.port(), timeout);
				assertThat(result.outcome()).isEqualTo(CheckOutcome.TIMEOUT);
				assertThat(result.latency()).isGreaterThanOrEqualTo(timeout);
				assertThat(result.detail()).isEqualTo("no answer from 127.0.0.1:" + blackhole.port() + " before the timeout");
			}
		}
	}

	@Test
	void checkReportsUnresolvedForUnknownHost() {
		CheckResult result = this.shaker.check("no-such-host.invalid", 80, TIMEOUT);
		assertThat(result.outcome()).isEqualTo(CheckOutcome.UNRESOLVED);
		assertThat(result.address()).isNull();
		assertThat(result.detail()).contains("no-such-host.invalid");
	}

	@Test
	void checkResolvesNamesFromTheHostsFile() {
		try (CountingListener listener = LoopbackServers.listener()) {
			CheckResult result = this.shaker.check("loopback.test", listener.port(), TIMEOUT);
			assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
			assertThat(result.address().getAddress()).isEqualTo(LoopbackServers.ipv4());
		}
	}

	@Test
	void checkOverIpv6ReportsUpAndRefused() {
		try (CountingListener listener = LoopbackServers.listener(LoopbackServers.ipv6());
				ClosedPort closed = LoopbackServers.closedPort(LoopbackServers.ipv6())) {
			CheckResult up = this.shaker.check("::1", listener.port(), TIMEOUT);
			assertThat(up.outcome()).isEqualTo(CheckOutcome.UP);
			assertThat(up.target()).isEqualTo("[::1]:" + listener.port());
			assertThat(this.shaker.check("::1", closed.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.REFUSED);
			assertThat(listener.acceptCount()).isZero();
		}
	}

	@Test
	void tenThousandChecksInFlightCompleteAndReleaseEveryFd() {
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			InetSocketAddress target = new InetSocketAddress(LoopbackServers.ipv4(), blackhole.port());
			List<CompletableFuture<CheckResult>> futures = new ArrayList<>();
			// Long enough for a busy machine to start every connect: a check whose deadline passes
			// while it still waits for the loop is an ERROR (never started), not a TIMEOUT.
			for (int i = 0; i < 10_000; i++) {
				futures.add(this.shaker.checkAsync(target, Duration.ofSeconds(4)));
			}
			assertThat(this.shaker.inFlight()).isEqualTo(10_000);
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
			assertThat(futures).allSatisfy((f) -> assertThat(f.join().outcome()).isEqualTo(CheckOutcome.TIMEOUT));
			assertThat(this.shaker.inFlight()).isZero();
		}
		FileDescriptors.awaitAtMost(this.baselineFds + 2);
	}

	@Test
	void checkBeyondMaxInFlightIsRejectedAtOnce() {
		try (Blackhole blackhole = LoopbackServers.blackhole(); DefaultTcpShaker small = newShaker(CheckMethod.HALF_OPEN, 3)) {
			List<CompletableFuture<CheckResult>> held = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				held.add(small.checkAsync("127.0.0.1", blackhole.port(), Duration.ofSeconds(5)));
			}
			CheckResult rejected = small.checkAsync("127.0.0.1", blackhole.port(), Duration.ofSeconds(5)).getNow(null);
			assertThat(rejected).isNotNull();
			assertThat(rejected.outcome()).isEqualTo(CheckOutcome.ERROR);
			assertThat(rejected.detail()).contains("maxInFlight=3");
			assertThat(held).noneMatch(CompletableFuture::isDone);
		}
	}

	@Test
	void closeWithChecksInFlightCompletesEveryFutureAndLeavesNoFd() {
		List<CompletableFuture<CheckResult>> futures = new ArrayList<>();
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			for (int i = 0; i < 500; i++) {
				futures.add(this.shaker.checkAsync("127.0.0.1", blackhole.port(), Duration.ofSeconds(30)));
			}
			this.shaker.close();
			assertThat(futures).allSatisfy((f) -> {
				assertThat(f).isDone();
				assertThat(f.join().outcome()).isEqualTo(CheckOutcome.ERROR);
				assertThat(f.join().detail()).contains("shutting down");
			});
		}
		CheckResult afterClose = this.shaker.check("127.0.0.1", 9, TIMEOUT);
		assertThat(afterClose.outcome()).isEqualTo(CheckOutcome.ERROR);
		assertThat(afterClose.detail()).contains("closed");
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((t) -> t.getName().startsWith("tcp-shaker-loop"));
		FileDescriptors.awaitAtMost(this.baselineFds);
	}

	@Test
	void stopThenStartRunsChecksAgain() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.shaker.stop();
			assertThat(this.shaker.isRunning()).isFalse();
			assertThat(this.shaker.check("127.0.0.1", listener.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.ERROR);
			this.shaker.start();
			assertThat(this.shaker.check("127.0.0.1", listener.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
		}
	}

	@Test
	void alternatingRefusedAndOpenTargetsNeverYieldAFalseUp() throws Exception {
		try (CountingListener listener = LoopbackServers.listener(); ClosedPort closed = LoopbackServers.closedPort()) {
			InetSocketAddress open = listener.socketAddress();
			InetSocketAddress refused = new InetSocketAddress(LoopbackServers.ipv4(), closed.port());
			Semaphore permits = new Semaphore(200);
			AtomicInteger falseUps = new AtomicInteger();
			AtomicInteger falseDowns = new AtomicInteger();
			List<CompletableFuture<CheckResult>> futures = new ArrayList<>(20_000);
			for (int i = 0; i < 20_000; i++) {
				boolean expectUp = (i % 2) == 1;
				permits.acquire();
				futures.add(this.shaker.checkAsync(expectUp ? open : refused, TIMEOUT).whenComplete((r, ex) -> {
					permits.release();
					if (r.isUp() && !expectUp) {
						falseUps.incrementAndGet();
					}
					if (!r.isUp() && expectUp) {
						falseDowns.incrementAndGet();
					}
				}));
			}
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			assertThat(falseUps).hasValue(0);
			assertThat(falseDowns).hasValue(0);
			assertThat(listener.acceptCount()).isZero();
		}
	}

	@Test
	void checkReportsErrorWhenOutOfFileDescriptorsAndTheLoopGoesOn() throws Exception {
		try (CountingListener listener = LoopbackServers.listener()) {
			assertThat(this.shaker.check("127.0.0.1", listener.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
			CheckResult starved;
			try (FileDescriptors.Exhaustion exhaustion = FileDescriptors.exhaust()) {
				starved = this.shaker.check("127.0.0.1", listener.port(), TIMEOUT);
				// A resource closed by a Cleaner elsewhere in the JVM can free one fd at any
				// moment; take it back and try again, a bounded number of times.
				for (int retry = 0; retry < 3 && starved.isUp(); retry++) {
					exhaustion.refill();
					starved = this.shaker.check("127.0.0.1", listener.port(), TIMEOUT);
				}
			}
			assertThat(starved.outcome()).isEqualTo(CheckOutcome.ERROR);
			assertThat(starved.detail()).contains("Too many open files");
			assertThat(this.shaker.check("127.0.0.1", listener.port(), TIMEOUT).outcome()).isEqualTo(CheckOutcome.UP);
		}
	}

	@Test
	void aThrowingCompletionDoesNotStopTheLoop() throws Exception {
		CheckEngine engine = Engines.create(kind(), CheckMethod.HALF_OPEN, Thread::new);
		engine.start();
		try (CountingListener listener = LoopbackServers.listener()) {
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			engine.submit(listener.socketAddress(), deadline, (outcome, detail, end) -> {
				throw new IllegalStateException("completion failure");
			});
			CompletableFuture<CheckOutcome> next = new CompletableFuture<>();
			engine.submit(listener.socketAddress(), deadline, (outcome, detail, end) -> next.complete(outcome));
			assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(CheckOutcome.UP);
			assertThat(engine.isRunning()).isTrue();
		}
		finally {
			engine.stop();
		}
	}

	@Test
	void stopFromACompletionStartsNoFurtherConnect() throws Exception {
		CheckEngine engine = Engines.create(kind(), CheckMethod.CONNECT, Thread::new);
		engine.start();
		try (CountingListener listener = LoopbackServers.listener(); ClosedPort closed = LoopbackServers.closedPort()) {
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			ConcurrentLinkedQueue<CheckOutcome> outcomes = new ConcurrentLinkedQueue<>();
			// Refused, so it makes no connection itself; its completion queues 50 plain
			// connects on the loop, then stops it: none of them may reach the listener.
			engine.submit(new InetSocketAddress(LoopbackServers.ipv4(), closed.port()), deadline, (o, d, e) -> {
				for (int i = 0; i < 50; i++) {
					engine.submit(listener.socketAddress(), deadline, (outcome, detail, end) -> outcomes.add(outcome));
				}
				engine.stop();
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == 50);
			assertThat(outcomes).containsOnly(CheckOutcome.ERROR);
			// Let any connection made reach the listener before we count.
			Thread.sleep(300);
			assertThat(listener.acceptCount()).isZero();
		}
		finally {
			engine.stop();
		}
	}

	@Test
	void checkWhoseDeadlinePassedBeforeTheLoopStartedItIsAnErrorNotATimeout() throws Exception {
		CheckEngine engine = Engines.create(kind(), CheckMethod.HALF_OPEN, Thread::new);
		engine.start();
		try (CountingListener listener = LoopbackServers.listener()) {
			CompletableFuture<String> verdict = new CompletableFuture<>();
			engine.submit(listener.socketAddress(), System.nanoTime() - 1,
					(outcome, detail, end) -> verdict.complete(outcome + " " + detail));
			assertThat(verdict.get(10, TimeUnit.SECONDS)).startsWith("ERROR ").contains("never started");
		}
		finally {
			engine.stop();
		}
	}

	@Test
	void blockingCheckOnTheLoopThreadFailsFastInsteadOfStallingTheLoop() {
		try (CountingListener listener = LoopbackServers.listener(); Blackhole blackhole = LoopbackServers.blackhole()) {
			// A check that is still in flight when the stage is added, so the stage runs on the loop thread.
			CompletableFuture<CheckResult> nested = this.shaker
				.checkAsync("127.0.0.1", blackhole.port(), UNANSWERED_TIMEOUT)
				.thenApply((first) -> this.shaker.check("127.0.0.1", listener.port(), TIMEOUT));
			assertThat(nested).failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCauseInstanceOf(IllegalStateException.class)
				.withMessageContaining("checkAsync");
		}
	}

	@Test
	void closeFromACompletionOnTheLoopThreadDoesNotDeadlock() throws Exception {
		try (CountingListener listener = LoopbackServers.listener(); Blackhole blackhole = LoopbackServers.blackhole()) {
			// No verdict before the timeout: the stage is added while the check is in flight,
			// so it runs where the future completes, on the loop thread.
			CompletableFuture<Thread> closedBy = this.shaker
				.checkAsync("127.0.0.1", blackhole.port(), UNANSWERED_TIMEOUT)
				.thenApply((result) -> {
					this.shaker.close();
					return Thread.currentThread();
				});
			Thread loop = closedBy.get(10, TimeUnit.SECONDS);
			assertThat(loop.getName()).startsWith("tcp-shaker-loop-");
			assertThat(this.shaker.isRunning()).isFalse();
			await("the loop thread ends after close").atMost(Duration.ofSeconds(10)).until(() -> !loop.isAlive());
			assertThat(this.shaker.check("127.0.0.1", listener.port(), TIMEOUT).detail()).contains("closed");
		}
	}

	private List<CheckResult> runConcurrently(int total, int concurrency, InetSocketAddress target)
			throws Exception {
		Semaphore permits = new Semaphore(concurrency);
		List<CompletableFuture<CheckResult>> futures = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			permits.acquire();
			futures.add(this.shaker.checkAsync(target, TIMEOUT).whenComplete((r, ex) -> permits.release()));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		return futures.stream().map(CompletableFuture::join).toList();
	}

}
