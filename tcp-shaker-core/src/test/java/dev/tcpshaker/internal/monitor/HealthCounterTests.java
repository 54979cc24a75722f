package dev.tcpshaker.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.monitor.CheckSchedule;
import dev.tcpshaker.monitor.TargetState;

class HealthCounterTests {

	private static final CheckSchedule SCHEDULE = new CheckSchedule(Duration.ofSeconds(2), Duration.ofMillis(500),
			Duration.ofSeconds(5), 2, 3, 0);

	@Test
	void firstVerdictSetsTheStateDirectly() {
		assertThat(new HealthCounter(2, 3).record(true)).isEqualTo(TargetState.UP);
		assertThat(new HealthCounter(2, 3).record(false)).isEqualTo(TargetState.DOWN);
	}

	@Test
	void upTargetGoesDownAfterExactlyFallConsecutiveFailures() {
		HealthCounter counter = new HealthCounter(2, 3);
		counter.record(true);
		assertThat(states(counter, "FFF")).containsExactly(TargetState.UP, TargetState.UP, TargetState.DOWN);
	}

	@Test
	void downTargetComesUpAfterExactlyRiseConsecutiveSuccesses() {
		HealthCounter counter = new HealthCounter(2, 3);
		counter.record(false);
		assertThat(states(counter, "SS")).containsExactly(TargetState.DOWN, TargetState.UP);
	}

	@Test
	void oneSuccessDuringTheFallRestoresFullHealth() {
		HealthCounter counter = new HealthCounter(2, 3);
		counter.record(true);
		// Two failures, a success, then it takes three failures in a row again.
		assertThat(states(counter, "FFSFFF")).containsExactly(TargetState.UP, TargetState.UP, TargetState.UP,
				TargetState.UP, TargetState.UP, TargetState.DOWN);
	}

	@Test
	void oneFailureDuringTheRiseStartsItOver() {
		HealthCounter counter = new HealthCounter(3, 2);
		counter.record(false);
		assertThat(states(counter, "SSFSSS")).containsExactly(TargetState.DOWN, TargetState.DOWN, TargetState.DOWN,
				TargetState.DOWN, TargetState.DOWN, TargetState.UP);
	}

	@Test
	void riseAndFallOfOneFollowEveryVerdict() {
		HealthCounter counter = new HealthCounter(1, 1);
		assertThat(states(counter, "SFSF")).containsExactly(TargetState.UP, TargetState.DOWN, TargetState.UP,
				TargetState.DOWN);
	}

	@Test
	void intervalFollowsHaproxyFastBeforeTheFirstVerdictAndWhileChanging() {
		HealthCounter counter = new HealthCounter(2, 3);
		assertThat(counter.intervalNanos(SCHEDULE)).isEqualTo(SCHEDULE.fastInterval().toNanos());
		counter.record(true);
		assertThat(counter.intervalNanos(SCHEDULE)).isEqualTo(SCHEDULE.interval().toNanos());
		counter.record(false);
		assertThat(counter.intervalNanos(SCHEDULE)).isEqualTo(SCHEDULE.fastInterval().toNanos());
		counter.record(false);
		counter.record(false);
		assertThat(counter.state()).isEqualTo(TargetState.DOWN);
		assertThat(counter.intervalNanos(SCHEDULE)).isEqualTo(SCHEDULE.downInterval().toNanos());
		counter.record(true);
		assertThat(counter.intervalNanos(SCHEDULE)).isEqualTo(SCHEDULE.fastInterval().toNanos());
	}

	private static List<TargetState> states(HealthCounter counter, String verdicts) {
		List<TargetState> states = new ArrayList<>();
		for (char verdict : verdicts.toCharArray()) {
			states.add(counter.record(verdict == 'S'));
		}
		return states;
	}

}
