package dev.tcpshaker.autoconfigure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.TcpShaker;

/**
 * One check of every target in a set, all started at once, so the round takes as long
 * as its slowest check rather than the sum of them.
 * <p>
 * Pitfall: the futures complete on the shaker's loop thread; wait on them, or chain
 * with the {@code ...Async} variants, but do no work in plain dependent stages.
 */
public final class CheckRound {

	private final long startNanos;

	private final Map<String, CompletableFuture<CheckResult>> results;

	private CheckRound(long startNanos, Map<String, CompletableFuture<CheckResult>> results) {
		this.startNanos = startNanos;
		this.results = results;
	}

	/**
	 * Starts a check of every target and returns at once.
	 * @param shaker the shaker that runs the checks
	 * @param targets the targets, with distinct names
	 * @param startNanos the start of the round on the {@link System#nanoTime()} scale
	 * @return the running round
	 */
	public static CheckRound start(TcpShaker shaker, Collection<CheckTarget> targets, long startNanos) {
		Map<String, CompletableFuture<CheckResult>> results = new LinkedHashMap<>();
		for (CheckTarget target : targets) {
			results.put(target.name(), shaker.checkAsync(target.host(), target.port(), target.timeout()));
		}
		return new CheckRound(startNanos, results);
	}

	/**
	 * The result for one target of the round.
	 * @param name the target's name
	 * @return a future that completes within the target's timeout
	 * @throws IllegalArgumentException if the round has no target of that name
	 */
	public CompletableFuture<CheckResult> result(String name) {
		CompletableFuture<CheckResult> result = this.results.get(name);
		if (result == null) {
			throw new IllegalArgumentException(
					"name must be one of " + this.results.keySet() + " but was '" + name + "'");
		}
		return result;
	}

	/**
	 * When the round started, on the {@link System#nanoTime()} scale.
	 * @return the start time in nanoseconds
	 */
	public long startNanos() {
		return this.startNanos;
	}

}
