package dev.tcpshaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tcpshaker.StealthSelfTest.Result;
import dev.tcpshaker.StealthSelfTest.Verdict;

/**
 * The stealth self-test against its own loopback listener: verified for half-open checks
 * on either engine, not verified for full connects, which proves it can fail.
 */
class StealthSelfTestTests {

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void halfOpenChecksAreVerifiedStealthy(Engine engine) {
		try (TcpShaker shaker = TcpShaker.builder().engine(engine).method(CheckMethod.HALF_OPEN).build()) {
			Result result = StealthSelfTest.run(shaker);
			assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.VERIFIED);
			assertThat(result.detail()).contains("saw the SYN-ACK").contains("accepted nothing");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "EPOLL", "NIO" })
	void fullConnectsAreNotVerified(Engine engine) {
		try (TcpShaker shaker = TcpShaker.builder().engine(engine).method(CheckMethod.CONNECT).build()) {
			Result result = StealthSelfTest.run(shaker);
			assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.NOT_VERIFIED);
			assertThat(result.detail()).contains("accepted the connection of a CONNECT check");
		}
	}

	@Test
	void closedShakerLeavesStealthUnknown() {
		TcpShaker shaker = TcpShaker.builder().build();
		shaker.close();
		Result result = StealthSelfTest.run(shaker);
		assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(result.detail()).contains("was ERROR").contains("proves nothing");
	}

}
