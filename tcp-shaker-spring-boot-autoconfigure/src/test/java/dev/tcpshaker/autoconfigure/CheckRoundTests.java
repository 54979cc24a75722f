package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.ClosedPort;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CheckRound}.
 */
class CheckRoundTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	@Test
	void roundGivesEachTargetItsOwnResult() {
		try (TcpShaker shaker = TcpShaker.builder().build();
				CountingListener listener = LoopbackServers.listener();
				ClosedPort closed = LoopbackServers.closedPort()) {
			List<CheckTarget> targets = List.of(new CheckTarget("up", "127.0.0.1", listener.port(), TIMEOUT),
					new CheckTarget("refused", "127.0.0.1", closed.port(), TIMEOUT));
			CheckRound round = CheckRound.start(shaker, targets, System.nanoTime());
			assertThat(round.result("up").join().outcome()).isEqualTo(CheckOutcome.UP);
			assertThat(round.result("refused").join().outcome()).isEqualTo(CheckOutcome.REFUSED);
		}
	}

	@Test
	void roundStartsEveryCheckBeforeAnyIsAwaited() {
		RecordingTcpShaker shaker = new RecordingTcpShaker();
		CheckRound.start(shaker, List.of(new CheckTarget("a", "a.test", 1, TIMEOUT),
				new CheckTarget("b", "b.test", 2, TIMEOUT)), 0);
		assertThat(shaker.started()).extracting(RecordingTcpShaker.Started::host).containsExactly("a.test", "b.test");
	}

	@Test
	void resultForUnknownNameThrows() {
		List<CheckTarget> targets = List.of(new CheckTarget("a", "a.test", 1, TIMEOUT));
		CheckRound round = CheckRound.start(new RecordingTcpShaker(), targets, 0);
		assertThatIllegalArgumentException().isThrownBy(() -> round.result("b"))
			.withMessage("name must be one of [a] but was 'b'");
	}

}
