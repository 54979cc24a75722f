package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.autoconfigure.RecordingTcpShaker.Started;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedCheckRounds}.
 */
class SharedCheckRoundsTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	private final RecordingTcpShaker shaker = new RecordingTcpShaker();

	private long now = 1_000_000_000L;

	private final SharedCheckRounds rounds = new SharedCheckRounds(this.shaker,
			List.of(target("a"), target("b"), target("c")), () -> this.now);

	@Test
	void firstTargetAskedStartsOneRoundForEveryTarget() {
		this.rounds.resultFor("b");
		assertThat(this.shaker.started()).extracting(Started::host).containsExactly("a", "b", "c");
	}

	@Test
	void otherTargetsOfARequestReadTheSameRound() {
		CompletableFuture<CheckResult> a = this.rounds.resultFor("a");
		CompletableFuture<CheckResult> b = this.rounds.resultFor("b");
		CompletableFuture<CheckResult> c = this.rounds.resultFor("c");
		List<Started> started = this.shaker.started();
		assertThat(started).hasSize(3);
		assertThat(a).isSameAs(started.get(0).result());
		assertThat(b).isSameAs(started.get(1).result());
		assertThat(c).isSameAs(started.get(2).result());
	}

	@Test
	void targetAskedAgainStartsANewRound() {
		this.rounds.resultFor("a");
		this.rounds.resultFor("b");
		this.rounds.resultFor("c");
		CompletableFuture<CheckResult> again = this.rounds.resultFor("a");
		List<Started> started = this.shaker.started();
		assertThat(started).hasSize(6);
		assertThat(again).isSameAs(started.get(3).result());
	}

	@Test
	void overlappingRequestsShareTwoRounds() {
		CompletableFuture<CheckResult> firstA = this.rounds.resultFor("a");
		CompletableFuture<CheckResult> secondA = this.rounds.resultFor("a");
		CompletableFuture<CheckResult> firstB = this.rounds.resultFor("b");
		CompletableFuture<CheckResult> secondB = this.rounds.resultFor("b");
		List<Started> started = this.shaker.started();
		assertThat(started).hasSize(6);
		assertThat(List.of(firstA, secondA)).containsExactlyInAnyOrder(started.get(0).result(),
				started.get(3).result());
		assertThat(List.of(firstB, secondB)).containsExactlyInAnyOrder(started.get(1).result(),
				started.get(4).result());
	}

	@Test
	void roundOlderThanLongestTimeoutPlusGraceServesNobody() {
		this.rounds.resultFor("a");
		this.now += TIMEOUT.plus(SharedCheckRounds.GRACE).toNanos() + 1;
		CompletableFuture<CheckResult> b = this.rounds.resultFor("b");
		List<Started> started = this.shaker.started();
		assertThat(started).hasSize(6);
		assertThat(b).isSameAs(started.get(4).result());
	}

	@Test
	void roundWithinLongestTimeoutPlusGraceStillServes() {
		this.rounds.resultFor("a");
		this.now += TIMEOUT.plus(SharedCheckRounds.GRACE).toNanos();
		CompletableFuture<CheckResult> b = this.rounds.resultFor("b");
		List<Started> started = this.shaker.started();
		assertThat(started).hasSize(3);
		assertThat(b).isSameAs(started.get(1).result());
	}

	private static CheckTarget target(String name) {
		return new CheckTarget(name, name, 5432, TIMEOUT);
	}

}
