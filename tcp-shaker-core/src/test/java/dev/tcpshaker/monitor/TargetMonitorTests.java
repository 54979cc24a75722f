package dev.tcpshaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.internal.Restartable;
import dev.tcpshaker.test.DelegatingShaker;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.Blackhole;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;
import dev.tcpshaker.test.SwitchablePort;

/**
 * The monitor against real loopback targets: rise and fall counted check by check, first
 * verdicts, removal, and readers that never wait once a verdict exists.
 */
class TargetMonitorTests {

	/** Far above a loopback answer, even on a busy machine: no check of a listener may time out. */
	private static final Duration TIMEOUT = Duration.ofMillis(200);

	/** Short and without jitter, so a test runs a dozen checks in a few seconds. */
	private static final CheckSchedule FAST = new CheckSchedule(Duration.ofMillis(250), Duration.ofMillis(250),
			Duration.ofMillis(250), 2, 3, 0);

	private final TcpShaker shaker = TcpShaker.builder().build();

	private final TargetMonitor monitor = TargetMonitor.create(this.shaker);

	@AfterEach
	void close() {
		this.monitor.close();
		this.shaker.close();
	}

	@Test
	void targetGoesDownAfterExactlyFallFailuresAndUpAfterExactlyRiseSuccesses() throws InterruptedException {
		// Whether the port listens at each check, by check number: 3 up, 5 down, 4 up.
		boolean[] script = { true, true, true, false, false, false, false, false, true, true, true, true };
		List<TargetState> stateAfterEachCheck = Collections.synchronizedList(new ArrayList<>());
		List<StateChange> changes = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(1);
		try (SwitchablePort port = new SwitchablePort(script[0])) {
			this.monitor.add(target("db", port.port()));
			this.monitor.addListener(changes::add);
			this.monitor.addCheckListener((target, result) -> {
				int checked = stateAfterEachCheck.size();
				if (checked >= script.length) {
					return;
				}
				stateAfterEachCheck.add(this.monitor.snapshot("db").orElseThrow().state());
				if (checked + 1 < script.length) {
					port.listening(script[checked + 1]); // before the next check is due
				}
				else {
					done.countDown();
				}
			});
			this.monitor.start();
			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(stateAfterEachCheck).containsExactly(TargetState.UP, TargetState.UP, TargetState.UP,
				TargetState.UP, TargetState.UP, TargetState.DOWN, TargetState.DOWN, TargetState.DOWN,
				TargetState.DOWN, TargetState.UP, TargetState.UP, TargetState.UP);
		await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() >= 3);
		assertThat(changes).extracting(StateChange::from, StateChange::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(TargetState.UNKNOWN, TargetState.UP),
					org.assertj.core.groups.Tuple.tuple(TargetState.UP, TargetState.DOWN),
					org.assertj.core.groups.Tuple.tuple(TargetState.DOWN, TargetState.UP));
		assertThat(changes.get(1).cause().outcome()).isEqualTo(CheckOutcome.REFUSED);
		assertThat(changes.get(1).previousStateLasted()).isPositive();
		assertThat(changes.get(2).cause().outcome()).isEqualTo(CheckOutcome.UP);
	}

	@Test
	void firstVerdictSetsTheStateOfEachTarget() {
		try (CountingListener listener = LoopbackServers.listener(); ClosedPort closed = LoopbackServers.closedPort()) {
			this.monitor.add(target("open", listener.port()));
			this.monitor.add(target("closed", closed.port()));
			this.monitor.start();
			assertThat(this.monitor.awaitFirstVerdict("open").state()).isEqualTo(TargetState.UP);
			TargetSnapshot closedSnapshot = this.monitor.awaitFirstVerdict("closed");
			assertThat(closedSnapshot.state()).isEqualTo(TargetState.DOWN);
			assertThat(closedSnapshot.lastResult().outcome()).isEqualTo(CheckOutcome.REFUSED);
			assertThat(closedSnapshot.consecutiveFailures()).isGreaterThanOrEqualTo(1);
			assertThat(listener.acceptCount()).isZero();
		}
	}

	@Test
	void awaitFirstVerdictStartsTheFirstCheckAtOnceRatherThanWaitForTheSchedule() {
		CheckSchedule slow = CheckSchedule.defaults().withInterval(Duration.ofMinutes(10));
		try (CountingListener listener = LoopbackServers.listener()) {
			this.monitor.add(target("db", listener.port()).withSchedule(slow));
			this.monitor.start();
			// Its first check is planned somewhere in ten minutes; asking pulls it forward.
			TargetSnapshot snapshot = this.monitor.awaitFirstVerdict("db");
			assertThat(snapshot.state()).isEqualTo(TargetState.UP);
			assertThat(snapshot.checks()).isEqualTo(1);
		}
	}

	@Test
	void removedTargetIsSentNothingMore() {
		// Full connects, so the listener's accept count is the number of SYNs that reached it.
		try (TcpShaker connecting = TcpShaker.builder().method(CheckMethod.CONNECT).build();
				TargetMonitor monitor = TargetMonitor.create(connecting);
				CountingListener listener = LoopbackServers.listener()) {
			monitor.add(target("db", listener.port()));
			monitor.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> listener.acceptCount() >= 3);
			assertThat(monitor.remove("db")).isTrue();
			// A check in flight at the removal may still land: wait it out, then nothing.
			long afterRemoval = awaitSettled(listener::acceptCount);
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
				.until(() -> listener.acceptCount() == afterRemoval);
			assertThat(monitor.snapshot("db")).isEmpty();
			assertThat(monitor.remove("db")).isFalse();
		}
	}

	/** Waits until a count stops moving between two polls, and returns it. */
	private static long awaitSettled(LongSupplier count) {
		long[] last = { -1 };
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(150)).until(() -> {
			long now = count.getAsLong();
			boolean settled = now == last[0];
			last[0] = now;
			return settled;
		});
		return last[0];
	}

	@Test
	void listenersHearTargetsJoinAndLeave() {
		List<String> events = new CopyOnWriteArrayList<>();
		this.monitor.addListener(new StateChangeListener() {

			@Override
			public void stateChanged(StateChange change) {
			}

			@Override
			public void targetAdded(MonitoredTarget target) {
				events.add("added " + target.name());
			}

			@Override
			public void targetRemoved(MonitoredTarget target) {
				events.add("removed " + target.name());
			}

		});
		this.monitor.add(target("db", 5432));
		this.monitor.remove("db");
		await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
		assertThat(events).containsExactly("added db", "removed db");
	}

	@Test
	void snapshotsCountChecksAndFailures() {
		try (ClosedPort closed = LoopbackServers.closedPort()) {
			this.monitor.add(target("down", closed.port()));
			this.monitor.start();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.monitor.snapshot("down").orElseThrow().checks() >= 3);
			TargetSnapshot snapshot = this.monitor.snapshot("down").orElseThrow();
			assertThat(snapshot.failedChecks()).isEqualTo(snapshot.checks());
			assertThat(snapshot.consecutiveFailures()).isEqualTo((int) snapshot.checks());
			assertThat(snapshot.consecutiveSuccesses()).isZero();
			assertThat(snapshot.lastCheck()).isAfterOrEqualTo(snapshot.since());
		}
	}

	@Test
	void stoppedMonitorStartsNoChecks() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.monitor.add(target("db", listener.port()));
			this.monitor.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.monitor.snapshot("db").orElseThrow().checks() >= 2);
			this.monitor.stop();
			long stoppedAt = awaitSettled(() -> this.monitor.snapshot("db").orElseThrow().checks());
			await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
				.until(() -> this.monitor.snapshot("db").orElseThrow().checks() == stoppedAt);
			this.monitor.start();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.monitor.snapshot("db").orElseThrow().checks() > stoppedAt);
		}
	}

	@Test
	void checkNowReturnsAResultWithoutCountingIt() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.monitor.add(target("db", listener.port()).withSchedule(FAST.withInterval(Duration.ofMinutes(10))));
			CheckResult result = this.monitor.checkNow("db").join();
			assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
			assertThat(this.monitor.snapshot("db").orElseThrow().checks()).isZero();
		}
	}

	@Test
	void listenerThatThrowsAnErrorDoesNotStopTheChecks() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.monitor.add(target("db", listener.port()));
			AtomicBoolean thrown = new AtomicBoolean();
			this.monitor.addCheckListener((target, result) -> {
				if (thrown.compareAndSet(false, true)) {
					throw new NoClassDefFoundError("io/micrometer/core/instrument/Timer"); // a library mismatch
				}
			});
			this.monitor.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.monitor.snapshot("db").orElseThrow().checks() >= 4);
			assertThat(thrown).isTrue();
		}
	}

	@Test
	void checksGoOnWhenAnotherShakersFutureFails() {
		// A shaker not built by the builder (a decorator, say) whose first future fails.
		AtomicInteger calls = new AtomicInteger();
		TcpShaker failingOnce = new DelegatingShaker(this.shaker) {

			@Override
			public CompletableFuture<CheckResult> checkAsync(java.net.InetSocketAddress address, Duration timeout) {
				return (calls.incrementAndGet() == 1) ? CompletableFuture.failedFuture(new IllegalStateException("boom"))
						: super.checkAsync(address, timeout);
			}

		};
		try (CountingListener listener = LoopbackServers.listener(); TargetMonitor monitor = TargetMonitor.create(failingOnce)) {
			monitor.add(target("db", listener.port()));
			monitor.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> monitor.snapshot("db").orElseThrow().checks() >= 3);
			assertThat(monitor.snapshot("db").orElseThrow().state()).isEqualTo(TargetState.UP);
			monitor.close();
			assertThat(monitor.remove("db")).isTrue(); // after close: no exception from a closed timer thread
		}
	}

	@Test
	void closingTheShakerIsNotAVerdictOnTheTargets() throws InterruptedException {
		List<StateChange> changes = new CopyOnWriteArrayList<>();
		try (Blackhole blackhole = LoopbackServers.blackhole()) {
			// Its checks stay in flight for the whole timeout: close the shaker under one.
			this.monitor.add(target("db", blackhole.port()).withSchedule(FAST.withFall(1)));
			this.monitor.addListener(changes::add);
			this.monitor.start();
			await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
				.until(() -> this.shaker.inFlight() == 1);
			this.shaker.close();
			Thread.sleep(500); // the cut-short check has completed with "shutting down" by now
			assertThat(this.monitor.snapshot("db").orElseThrow().state()).isEqualTo(TargetState.UNKNOWN);
			assertThat(changes).isEmpty();
		}
	}

	@Test
	void startAfterAStopChecksTargetsWithAVerdictAtOnce() {
		CheckSchedule minute = FAST.withInterval(Duration.ofMinutes(1));
		try (CountingListener listener = LoopbackServers.listener()) {
			this.monitor.add(target("db", listener.port()).withSchedule(minute));
			this.monitor.start();
			assertThat(this.monitor.awaitFirstVerdict("db").checks()).isEqualTo(1);
			this.monitor.stop();
			this.monitor.start();
			// Not somewhere in the next minute: its verdict would read as stale meanwhile.
			await().atMost(Duration.ofSeconds(5)).until(() -> this.monitor.snapshot("db").orElseThrow().checks() == 2);
		}
	}

	@Test
	void loopRestartedUnderARunningMonitorIsCheckedAgain() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.monitor.add(target("db", listener.port()));
			this.monitor.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.monitor.snapshot("db").orElseThrow().checks() >= 2);
			Restartable loop = (Restartable) this.shaker;
			loop.stop();
			long checks = this.monitor.snapshot("db").orElseThrow().checks();
			loop.start();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.monitor.snapshot("db").orElseThrow().checks() >= checks + 3);
		}
	}

	@Test
	void unknownNamesAndDuplicatesAreRejectedNamingThem() {
		this.monitor.add(target("db", 5432));
		assertThatIllegalArgumentException().isThrownBy(() -> this.monitor.add(target("db", 5433)))
			.withMessageContaining("'db'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.monitor.checkNow("nope"))
			.withMessageContaining("'nope'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.monitor.awaitFirstVerdict("nope"))
			.withMessageContaining("'nope'");
		assertThat(this.monitor.snapshot("nope")).isEmpty();
	}

	private static MonitoredTarget target(String name, int port) {
		return MonitoredTarget.of(name, "127.0.0.1", port, TIMEOUT).withSchedule(FAST);
	}

}
