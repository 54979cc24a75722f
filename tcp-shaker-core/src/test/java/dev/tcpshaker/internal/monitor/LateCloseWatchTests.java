package dev.tcpshaker.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;
import dev.tcpshaker.monitor.MonitoredTarget;

/**
 * The warning about late closes: once when they grow, then at most once a minute, and
 * reporting what grew in between.
 */
class LateCloseWatchTests {

	private static final MonitoredTarget TARGET = MonitoredTarget.of("db", "127.0.0.1", 5432, Duration.ofMillis(500));

	private static final CheckResult RESULT = new CheckResult("127.0.0.1", 5432, null, CheckOutcome.UP,
			Duration.ofMillis(1), "SYN-ACK received");

	private final AtomicLong lateCloses = new AtomicLong(3);

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final List<String> warnings = new ArrayList<>();

	private final LateCloseWatch watch = new LateCloseWatch(this.lateCloses::get, this.now::get, Runnable::run,
			this.warnings::add);

	@Test
	void lateClosesFromBeforeTheMonitorStartedAreNotReported() {
		this.watch.checked(TARGET, RESULT);
		assertThat(this.warnings).isEmpty();
	}

	@Test
	void growthIsReportedAtOnceThenAtMostOnceAMinute() {
		this.lateCloses.set(4);
		this.watch.checked(TARGET, RESULT);
		assertThat(this.warnings).singleElement()
			.asString()
			.contains("1 more half-open check was closed late")
			.contains("4 since start");
		this.lateCloses.set(9);
		this.now.addAndGet(Duration.ofSeconds(59).toNanos());
		this.watch.checked(TARGET, RESULT);
		assertThat(this.warnings).hasSize(1);
		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		this.watch.checked(TARGET, RESULT);
		assertThat(this.warnings).hasSize(2);
		assertThat(this.warnings.get(1)).contains("5 more half-open checks were closed late").contains("9 since start");
	}

	@Test
	void noGrowthAfterAWarningStaysQuiet() {
		this.lateCloses.set(5);
		this.watch.checked(TARGET, RESULT);
		this.now.addAndGet(Duration.ofMinutes(5).toNanos());
		this.watch.checked(TARGET, RESULT);
		assertThat(this.warnings).hasSize(1);
	}

}
