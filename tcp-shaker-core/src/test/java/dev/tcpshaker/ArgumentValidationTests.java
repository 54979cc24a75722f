package dev.tcpshaker;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Programming errors throw at the call, naming the argument and its value.
 */
class ArgumentValidationTests {

	/** Not a speed bound: backtracking took minutes on input this size, a linear scan takes microseconds. */
	private static final Duration GENEROUS = Duration.ofSeconds(2);

	private static TcpShaker shaker;

	@BeforeAll
	static void build() {
		shaker = TcpShaker.builder().build();
	}

	@AfterAll
	static void close() {
		shaker.close();
	}

	@Test
	void checkRejectsPortZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("localhost", 0))
			.withMessage("port must be in 1..65535 but was 0");
	}

	@Test
	void checkRejectsPortAbove65535() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("localhost", 70000))
			.withMessage("port must be in 1..65535 but was 70000");
	}

	@Test
	void checkRejectsBlankHost() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check(" ", 80))
			.withMessage("host must not be blank but was ' '");
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.checkAsync(null, 80, Duration.ofSeconds(1)))
			.withMessage("host must not be blank but was null");
	}

	@Test
	void checkRejectsZeroTimeout() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("localhost", 80, Duration.ZERO))
			.withMessage("timeout must be positive but was PT0S");
	}

	@Test
	void checkRejectsNegativeTimeout() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> shaker.check(new InetSocketAddress("127.0.0.1", 80), Duration.ofMillis(-5)))
			.withMessage("timeout must be positive but was PT-0.005S");
	}

	@Test
	void checkRejectsMalformedAddressLiteralsInsteadOfLookingThemUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("127.0.0.256", 80))
			.withMessage("host must be a valid IPv4 address but was '127.0.0.256'");
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("127.0.0.1.5", 80))
			.withMessage("host must be a valid IPv4 address but was '127.0.0.1.5'");
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("zz::5432", 80))
			.withMessage("host must be a valid IPv6 address but was 'zz::5432'");
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("::1::2", 80))
			.withMessageContaining("'::1::2'");
	}

	@Test
	void checkRejectsHostThatIncludesAPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check("127.0.0.1:80", 80))
			.withMessage("host must not include a port but was '127.0.0.1:80'");
	}

	@Test
	void checkRejectsHostWithSurroundingSpacesInsteadOfLookingItUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check(" localhost ", 80))
			.withMessage("host must not contain whitespace but was ' localhost '");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> shaker.check(InetSocketAddress.createUnresolved("localhost\n", 80), Duration.ofSeconds(1)))
			.withMessage("host must not contain whitespace but was 'localhost\\u000a'");
	}

	@Test
	void checkRejectsMegabyteOfColonsWithoutBacktracking() {
		String host = ":".repeat(1_000_000) + "x";
		assertTimeoutPreemptively(GENEROUS, () -> assertThatIllegalArgumentException()
			.isThrownBy(() -> shaker.checkAsync(host, 80, Duration.ofMillis(100)))
			.withMessageStartingWith("host must be at most 253 characters but was '::::"));
		assertTimeoutPreemptively(GENEROUS, () -> assertThatIllegalArgumentException()
			.isThrownBy(() -> shaker.checkAsync(InetSocketAddress.createUnresolved(host, 80), Duration.ofMillis(100)))
			.withMessageStartingWith("host must be at most 253 characters but was '::::"));
	}

	@Test
	void checkRejectsUnresolvedAddressWithBlankHost() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> shaker.check(InetSocketAddress.createUnresolved("", 80), Duration.ofSeconds(1)))
			.withMessage("host must not be blank but was ''");
	}

	@Test
	void checkRejectsNullAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> shaker.check(null, Duration.ofSeconds(1)))
			.withMessage("address must not be null");
	}

	@Test
	void builderRejectsNonPositiveSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> TcpShaker.builder().maxInFlight(0))
			.withMessage("maxInFlight must be positive but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> TcpShaker.builder().defaultTimeout(Duration.ofSeconds(-1)))
			.withMessage("defaultTimeout must be positive but was PT-1S");
		assertThatIllegalArgumentException().isThrownBy(() -> TcpShaker.builder().method(null))
			.withMessage("method must not be null");
	}

}
