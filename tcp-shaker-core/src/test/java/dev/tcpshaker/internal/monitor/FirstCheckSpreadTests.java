package dev.tcpshaker.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.monitor.CheckSchedule;
import dev.tcpshaker.monitor.MonitoredTarget;

/**
 * Where the first checks of many targets fall: spread over the first interval, so ten
 * thousand targets never fire in the same millisecond.
 */
class FirstCheckSpreadTests {

	@Test
	void firstChecksOfTenThousandTargetsAreSpreadOverTheFirstInterval() {
		RecordingScheduler scheduler = new RecordingScheduler();
		try (TcpShaker shaker = TcpShaker.builder().build();
				DefaultTargetMonitor monitor = new DefaultTargetMonitor(shaker, scheduler, Clock.systemUTC())) {
			for (int i = 0; i < 10_000; i++) {
				monitor.add(MonitoredTarget.of("t" + i, "127.0.0.1", 5432, Duration.ofMillis(500))
					.withSchedule(CheckSchedule.defaults().withInterval(Duration.ofSeconds(1))));
			}
			long before = System.nanoTime();
			monitor.start();
			scheduler.runTasks();
			long armingMillis = (System.nanoTime() - before) / 1_000_000;
			List<Long> offsets = new ArrayList<>();
			scheduler.planned.forEach((at) -> offsets.add((at - before) / 1_000_000));
			assertThat(offsets).hasSize(10_000)
				.allSatisfy((millis) -> assertThat(millis).isBetween(0L, 1_000L + armingMillis));
			// Ten thousand over a thousand milliseconds: nearly every millisecond holds some, none holds many.
			assertThat(new TreeSet<>(offsets)).hasSizeGreaterThan(900);
			assertThat(offsets.stream().collect(java.util.stream.Collectors.groupingBy((m) -> m,
					java.util.stream.Collectors.counting())).values()).allSatisfy((count) -> assertThat(count).isLessThan(40));
		}
	}

	/** Runs executed tasks on demand and records when timers were asked for, never firing them. */
	static final class RecordingScheduler implements MonitorScheduler {

		final List<Runnable> tasks = new ArrayList<>();

		final List<Long> planned = new ArrayList<>();

		@Override
		public synchronized void execute(Runnable task) {
			this.tasks.add(task);
		}

		@Override
		public synchronized Scheduled schedule(Runnable task, long atNanos) {
			this.planned.add(atNanos);
			return () -> {
			};
		}

		@Override
		public boolean inScheduler() {
			return true;
		}

		synchronized void runTasks() {
			List<Runnable> now = new ArrayList<>(this.tasks);
			this.tasks.clear();
			now.forEach(Runnable::run);
		}

		@Override
		public void close() {
		}

	}

}
