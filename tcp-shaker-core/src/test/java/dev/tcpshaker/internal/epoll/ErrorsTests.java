package dev.tcpshaker.internal.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckOutcome;

class ErrorsTests {

	@Test
	void errnoMapsToOutcomes() {
		assertThat(Errors.outcomeOf(0)).isEqualTo(CheckOutcome.UP);
		assertThat(Errors.outcomeOf(111)).isEqualTo(CheckOutcome.REFUSED);
		assertThat(Errors.outcomeOf(113)).isEqualTo(CheckOutcome.UNREACHABLE);
		assertThat(Errors.outcomeOf(101)).isEqualTo(CheckOutcome.UNREACHABLE);
		assertThat(Errors.outcomeOf(110)).isEqualTo(CheckOutcome.TIMEOUT);
		assertThat(Errors.outcomeOf(24)).isEqualTo(CheckOutcome.ERROR);
	}

	@Test
	void describeNamesTheErrno() {
		assertThat(Errors.describe(111)).isEqualTo("ECONNREFUSED: Connection refused");
		assertThat(Errors.describe("socket", 24)).isEqualTo("socket failed: EMFILE: Too many open files");
		assertThat(Errors.describe(9999)).isEqualTo("errno 9999");
	}

}
