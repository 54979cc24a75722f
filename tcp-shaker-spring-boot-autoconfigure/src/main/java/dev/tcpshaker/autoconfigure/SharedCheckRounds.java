package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;

/**
 * Lets the per-target health indicators of one health request share one
 * {@link CheckRound}, because Spring Boot asks them one after another: the first
 * indicator asked starts a round for every target, the others take their result from
 * it, so a request costs about one timeout whatever the number of targets.
 * <p>
 * A round serves each target once. An indicator whose target was already served by
 * every recent round belongs to a new request and starts a new round. Rounds older
 * than the longest timeout plus {@link #GRACE} serve nobody, so a request that asks
 * only some targets never leaves an old result behind for a later one. Overlapping
 * requests each find a round that has not served them yet.
 */
final class SharedCheckRounds {

	/**
	 * How long past its longest timeout a round may still serve: far more than Boot
	 * needs between two indicators, far less than the interval between two requests.
	 */
	static final Duration GRACE = Duration.ofSeconds(1);

	private final TcpShaker shaker;

	private final List<CheckTarget> targets;

	private final long maxAgeNanos;

	private final LongSupplier nanoClock;

	/** Recent rounds, newest first, with the names each has served. Guarded by {@code this}. */
	private final Deque<ServedRound> rounds = new ArrayDeque<>();

	SharedCheckRounds(TcpShaker shaker, List<CheckTarget> targets) {
		this(shaker, targets, System::nanoTime);
	}

	SharedCheckRounds(TcpShaker shaker, List<CheckTarget> targets, LongSupplier nanoClock) {
		this.shaker = shaker;
		this.targets = List.copyOf(targets);
		Duration longest = this.targets.stream()
			.map(CheckTarget::timeout)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		this.maxAgeNanos = longest.plus(GRACE).toNanos();
		this.nanoClock = nanoClock;
	}

	/**
	 * The result for one target from a round that has not served it yet, starting a
	 * round when none has.
	 * @param name the target's name
	 * @return a future that completes within the target's timeout
	 */
	synchronized CompletableFuture<CheckResult> resultFor(String name) {
		long now = this.nanoClock.getAsLong();
		this.rounds.removeIf((served) -> now - served.round.startNanos() > this.maxAgeNanos);
		for (ServedRound served : this.rounds) {
			if (served.names.add(name)) {
				return served.round.result(name);
			}
		}
		ServedRound fresh = new ServedRound(CheckRound.start(this.shaker, this.targets, now));
		this.rounds.addFirst(fresh);
		fresh.names.add(name);
		return fresh.round.result(name);
	}

	private static final class ServedRound {

		private final CheckRound round;

		private final Set<String> names = new HashSet<>();

		ServedRound(CheckRound round) {
			this.round = round;
		}

	}

}
