package dev.tcpshaker.internal;

import dev.tcpshaker.Engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

/**
 * Tasks and timers on each real engine's loop, woken by its real poller.
 */
class LoopTimerTests {

	private static final long MILLIS = TimeUnit.MILLISECONDS.toNanos(1);

	private CheckEngine engine;

	private CheckEngine start(Engine kind) {
		this.engine = Engines.create(kind, CheckMethod.HALF_OPEN, Thread::new);
		this.engine.start();
		return this.engine;
	}

	@AfterEach
	void stopEngine() {
		if (this.engine != null) {
			this.engine.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void executeFromAnotherThreadRunsTheTaskOnTheLoop(Engine kind) throws Exception {
		CheckEngine engine = start(kind);
		CompletableFuture<Boolean> ranInLoop = new CompletableFuture<>();
		engine.execute(() -> ranInLoop.complete(engine.inLoop()));
		assertThat(ranInLoop.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void timerExpiresOnTheLoopAtOrAfterItsTime(Engine kind) throws Exception {
		CheckEngine engine = start(kind);
		CompletableFuture<String> fired = new CompletableFuture<>();
		long[] due = new long[1];
		LoopTimer timer = timer((now) -> fired.complete(engine.inLoop() + " " + (now - due[0] >= 0)
				+ " " + (System.nanoTime() - due[0] >= 0)));
		engine.execute(() -> {
			due[0] = System.nanoTime() + 50 * MILLIS;
			engine.schedule(timer, due[0]);
		});
		assertThat(fired.get(10, TimeUnit.SECONDS)).isEqualTo("true true true");
		assertThat(timer.isScheduled()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void cancelledTimerNeverExpires(Engine kind) throws Exception {
		CheckEngine engine = start(kind);
		List<String> fired = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> witnessFired = new CompletableFuture<>();
		LoopTimer cancelled = timer((now) -> fired.add("cancelled"));
		LoopTimer witness = timer((now) -> witnessFired.complete(null));
		engine.execute(() -> {
			long now = System.nanoTime();
			engine.schedule(cancelled, now + 20 * MILLIS);
			engine.schedule(witness, now + 100 * MILLIS);
			engine.cancel(cancelled);
		});
		witnessFired.get(10, TimeUnit.SECONDS);
		assertThat(fired).isEmpty();
		assertThat(cancelled.isScheduled()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void timerRescheduledFromItsExpiryExpiresAgain(Engine kind) throws Exception {
		CheckEngine engine = start(kind);
		List<Long> expiries = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> third = new CompletableFuture<>();
		LoopTimer timer = new LoopTimer() {

			@Override
			protected void expire(long nowNanos) {
				expiries.add(nowNanos);
				if (expiries.size() < 3) {
					engine.schedule(this, nowNanos + 10 * MILLIS);
				}
				else {
					third.complete(null);
				}
			}

		};
		engine.execute(() -> engine.schedule(timer, System.nanoTime()));
		third.get(10, TimeUnit.SECONDS);
		assertThat(expiries).hasSize(3);
		assertThat(expiries.get(2) - expiries.get(1)).isGreaterThanOrEqualTo(10 * MILLIS);
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void timerExpiryMaySubmitACheck(Engine kind) throws Exception {
		CheckEngine engine = start(kind);
		try (CountingListener listener = LoopbackServers.listener()) {
			CompletableFuture<CheckOutcome> verdict = new CompletableFuture<>();
			LoopTimer timer = timer((now) -> engine.submit(listener.socketAddress(), now + TimeUnit.SECONDS.toNanos(5),
					(outcome, detail, end) -> verdict.complete(outcome)));
			engine.execute(() -> engine.schedule(timer, System.nanoTime() + 10 * MILLIS));
			assertThat(verdict.get(10, TimeUnit.SECONDS)).isEqualTo(CheckOutcome.UP);
			assertThat(listener.acceptCount()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void stopDropsTimersAndTasksSoARestartBeginsWithNone(Engine kind) throws Exception {
		CheckEngine engine = start(kind);
		List<String> fired = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> scheduled = new CompletableFuture<>();
		LoopTimer dropped = timer((now) -> fired.add("timer"));
		engine.execute(() -> {
			engine.schedule(dropped, System.nanoTime() + 50 * MILLIS);
			scheduled.complete(null);
		});
		scheduled.get(10, TimeUnit.SECONDS);
		engine.stop();
		engine.execute(() -> fired.add("task given while stopped"));
		engine.start();
		CompletableFuture<Void> witnessFired = new CompletableFuture<>();
		LoopTimer witness = timer((now) -> witnessFired.complete(null));
		engine.execute(() -> engine.schedule(witness, System.nanoTime() + 150 * MILLIS));
		witnessFired.get(10, TimeUnit.SECONDS);
		assertThat(fired).isEmpty();
		assertThat(dropped.isScheduled()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void scheduleOffTheLoopFailsItsAssertion(Engine kind) {
		CheckEngine engine = start(kind);
		LoopTimer timer = timer((now) -> {
		});
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> engine.schedule(timer, System.nanoTime()));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> engine.cancel(timer));
	}

	private static LoopTimer timer(LongConsumer onExpiry) {
		return new LoopTimer() {

			@Override
			protected void expire(long nowNanos) {
				onExpiry.accept(nowNanos);
			}

		};
	}

}
