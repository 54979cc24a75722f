package dev.tcpshaker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckOutcome;

/**
 * The loop's own rules, on an engine without sockets.
 */
class EventLoopEngineTests {

	/** Never contacted: the engine has no sockets. */
	private static final InetSocketAddress TARGET = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);

	private final FakeEngine engine = new FakeEngine();

	@AfterEach
	void stopEngine() {
		this.engine.stop();
	}

	@Test
	void stopFromAnotherThreadStartsNoFurtherConnect() throws Exception {
		CountDownLatch othersQueued = new CountDownLatch(1);
		AtomicBoolean first = new AtomicBoolean(true);
		this.engine.onConnect = (check) -> {
			if (first.getAndSet(false)) {
				// The first connect stops the loop from another thread, with more checks queued behind it.
				awaitLatch(othersQueued);
				new Thread(this.engine::stop).start();
				await().atMost(Duration.ofSeconds(5)).until(() -> !this.engine.isRunning());
			}
		};
		this.engine.start();
		ConcurrentLinkedQueue<CheckOutcome> outcomes = new ConcurrentLinkedQueue<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (int i = 0; i < 11; i++) {
			this.engine.submit(TARGET, deadline, (outcome, detail, end) -> outcomes.add(outcome));
			if (i == 0) {
				await().atMost(Duration.ofSeconds(5)).until(() -> this.engine.count("connect") == 1);
			}
		}
		othersQueued.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 11);
		assertThat(this.engine.count("connect")).isEqualTo(1);
		assertThat(outcomes).containsOnly(CheckOutcome.ERROR);
	}

	@Test
	void checkStuckBehindABusyLoopPastItsDeadlineIsAnErrorNotATimeout() throws Exception {
		this.engine.onConnect = (check) -> spinUntil(() -> false, TimeUnit.MILLISECONDS.toNanos(100));
		this.engine.start();
		long now = System.nanoTime();
		CompletableFuture<String> slow = new CompletableFuture<>();
		CompletableFuture<String> starved = new CompletableFuture<>();
		this.engine.submit(TARGET, now + TimeUnit.MILLISECONDS.toNanos(200), (o, d, e) -> slow.complete(o + " " + d));
		this.engine.submit(TARGET, now + TimeUnit.MILLISECONDS.toNanos(50), (o, d, e) -> starved.complete(o + " " + d));
		assertThat(starved.get(10, TimeUnit.SECONDS)).startsWith("ERROR ").contains("never started");
		assertThat(slow.get(10, TimeUnit.SECONDS)).startsWith("TIMEOUT ");
	}

	@Test
	void simultaneousExpiriesAreDeliveredInBatchesWithPollsBetweenAndBeforeAnySocketCloses() {
		this.engine.start();
		int count = 5_000;
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
		AtomicInteger timeouts = new AtomicInteger();
		for (int i = 0; i < count; i++) {
			this.engine.submit(TARGET, deadline, (outcome, detail, end) -> {
				this.engine.log.add("complete");
				if (outcome == CheckOutcome.TIMEOUT) {
					timeouts.incrementAndGet();
				}
			});
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.engine.count("close") == count);
		assertThat(timeouts).hasValue(count);
		List<String> log = List.copyOf(this.engine.log);
		int firstComplete = log.indexOf("complete");
		int lastComplete = log.lastIndexOf("complete");
		assertThat(log.subList(firstComplete, lastComplete)).as("polls for ready sockets between batches")
			.contains("drain");
		assertThat(log.indexOf("close")).as("first close after the last verdict").isGreaterThan(lastComplete);
		this.engine.stop();
		assertThat(this.engine.count("close")).as("each socket closed exactly once").isEqualTo(count);
	}

	/**
	 * A submitter that finds the loop stopped right after its offer fails what is queued
	 * for that loop. Completions it runs are made slow here, until the engine has started
	 * again, so that other threads submit to the next loop meanwhile: none of their checks
	 * may be failed, and no check may be lost.
	 */
	@Test
	void submissionsRacingStopAndRestartAreNeverLostNorFailedByAnotherRun() throws Exception {
		this.engine.connectAtOnce = true;
		this.engine.start();
		// Stops begun and starts finished: equal counts mean the engine is running.
		AtomicInteger stopsBegun = new AtomicInteger();
		AtomicInteger startsDone = new AtomicInteger();
		AtomicBoolean done = new AtomicBoolean();
		Thread cycler = new Thread(() -> {
			while (!done.get()) {
				stopsBegun.incrementAndGet();
				this.engine.stop();
				this.engine.start();
				startsDone.incrementAndGet();
				spinUntil(() -> false, TimeUnit.MILLISECONDS.toNanos(1));
			}
		});
		Semaphore inFlight = new Semaphore(1_000);
		AtomicInteger submitted = new AtomicInteger();
		AtomicInteger completed = new AtomicInteger();
		ConcurrentLinkedQueue<String> spurious = new ConcurrentLinkedQueue<>();
		Runnable submitter = () -> {
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
			while (System.nanoTime() - end < 0) {
				inFlight.acquireUninterruptibly();
				int started = startsDone.get();
				int stops = stopsBegun.get();
				boolean running = started == stops;
				submitted.incrementAndGet();
				this.engine.submit(TARGET, System.nanoTime() + TimeUnit.SECONDS.toNanos(30), (outcome, detail, at) -> {
					if (running && outcome == CheckOutcome.ERROR && stopsBegun.get() == stops) {
						spurious.add(detail);
					}
					if (outcome == CheckOutcome.ERROR && !this.engine.inLoop()) {
						int starts = startsDone.get();
						spinUntil(() -> startsDone.get() > starts, TimeUnit.MILLISECONDS.toNanos(20));
					}
					completed.incrementAndGet();
					inFlight.release();
				});
			}
		};
		List<Thread> threads = List.of(new Thread(submitter), new Thread(submitter), new Thread(submitter));
		cycler.start();
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		done.set(true);
		cycler.join();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(completed).hasValue(submitted.get()));
		assertThat(spurious).as("checks failed by a stop that began before they were submitted").isEmpty();
		assertThat(stopsBegun.get()).as("restarts during the test").isGreaterThan(10);
	}

	private static void spinUntil(BooleanSupplier condition, long nanos) {
		long end = System.nanoTime() + nanos;
		while (!condition.getAsBoolean() && System.nanoTime() - end < 0) {
			Thread.onSpinWait();
		}
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
