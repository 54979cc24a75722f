package dev.tcpshaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CheckScheduleTests {

	@Test
	void defaultsAreHaproxys() {
		CheckSchedule defaults = CheckSchedule.defaults();
		assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(defaults.fastInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(defaults.downInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(defaults.rise()).isEqualTo(2);
		assertThat(defaults.fall()).isEqualTo(3);
	}

	@Test
	void badValuesAreRejectedNamingTheValue() {
		CheckSchedule defaults = CheckSchedule.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withRise(0))
			.withMessage("rise must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFall(-1))
			.withMessage("fall must be at least 1 but was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withJitter(2))
			.withMessage("jitter must be in 0..0.5 but was 2.0");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withJitter(Double.NaN))
			.withMessageContaining("jitter");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withInterval(Duration.ZERO))
			.withMessage("interval must be positive but was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withDownInterval(Duration.ofSeconds(-1)))
			.withMessage("downInterval must be positive but was PT-1S");
	}

	@Test
	void intervalCarriesTheFastAndDownIntervalsThatFollowedIt() {
		CheckSchedule schedule = CheckSchedule.defaults().withInterval(Duration.ofSeconds(10));
		assertThat(schedule.fastInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(schedule.downInterval()).isEqualTo(Duration.ofSeconds(10));
		CheckSchedule own = CheckSchedule.defaults()
			.withFastInterval(Duration.ofMillis(500))
			.withInterval(Duration.ofSeconds(10));
		assertThat(own.fastInterval()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void timeoutLongerThanTheShortestIntervalIsRejected() {
		CheckSchedule schedule = CheckSchedule.defaults().withFastInterval(Duration.ofMillis(500));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MonitoredTarget.of("db", "127.0.0.1", 5432, Duration.ofSeconds(1)).withSchedule(schedule))
			.withMessageContaining("timeout must not be longer than the shortest interval (PT0.5S) but was PT1S");
	}

}
