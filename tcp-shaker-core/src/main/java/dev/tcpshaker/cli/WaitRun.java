package dev.tcpshaker.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.tcpshaker.CheckResult;
import dev.tcpshaker.HostAndPort;
import dev.tcpshaker.TcpShaker;

/**
 * Checks addresses until each has answered once, or a deadline passes: the gate an init
 * container waits at before its application starts, without ever opening a connection.
 * One use only.
 * <p>
 * Checks go in rounds, one round every interval, each checking at once every address
 * that has not answered yet; a host name is looked up again in each round, so a name
 * that appears late counts too. No check outlives the deadline: each gets the smaller of
 * its timeout and the time left.
 */
final class WaitRun {

	private final TcpShaker shaker;

	private final List<HostAndPort> targets;

	private final Duration interval;

	private final Duration timeout;

	private final Duration waitTimeout;

	/**
	 * @param shaker the shaker to check with
	 * @param targets the addresses, in the order to report them
	 * @param interval the time from the start of one round to the start of the next
	 * @param timeout the longest a check may take
	 * @param waitTimeout how long to wait for every address
	 */
	WaitRun(TcpShaker shaker, List<HostAndPort> targets, Duration interval, Duration timeout, Duration waitTimeout) {
		this.shaker = shaker;
		this.targets = targets;
		this.interval = interval;
		this.timeout = timeout;
		this.waitTimeout = waitTimeout;
	}

	/**
	 * Checks until every address has answered or the wait times out.
	 * @return what the wait saw
	 * @throws InterruptedException if interrupted while waiting
	 */
	Result run() throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + this.waitTimeout.toNanos();
		Map<HostAndPort, CheckResult> waiting = new LinkedHashMap<>();
		this.targets.forEach((target) -> waiting.put(target, null));
		long round = start;
		long now = start;
		while (true) {
			checkRound(waiting, Duration.ofNanos(Math.min(this.timeout.toNanos(), deadline - now)));
			if (waiting.isEmpty()) {
				return new Result(Duration.ofNanos(System.nanoTime() - start), List.of());
			}
			round += this.interval.toNanos();
			long wake = (round - deadline < 0) ? round : deadline;
			now = System.nanoTime();
			if (wake - now > 0) {
				TimeUnit.NANOSECONDS.sleep(wake - now);
				now = System.nanoTime();
			}
			if (now - deadline >= 0) {
				return new Result(Duration.ofNanos(now - start), List.copyOf(waiting.values()));
			}
		}
	}

	/** Checks every waiting address at once; those that answer stop waiting. */
	private void checkRound(Map<HostAndPort, CheckResult> waiting, Duration checkTimeout) throws InterruptedException {
		List<CompletableFuture<CheckResult>> checks = new ArrayList<>(waiting.size());
		for (HostAndPort target : waiting.keySet()) {
			checks.add(this.shaker.checkAsync(target.host(), target.port(), checkTimeout));
		}
		Iterator<Map.Entry<HostAndPort, CheckResult>> entries = waiting.entrySet().iterator();
		for (CompletableFuture<CheckResult> check : checks) {
			Map.Entry<HostAndPort, CheckResult> entry = entries.next();
			CheckResult result = await(check);
			if (result.isUp()) {
				entries.remove();
			}
			else {
				entry.setValue(result);
			}
		}
	}

	private static CheckResult await(CompletableFuture<CheckResult> check) throws InterruptedException {
		try {
			return check.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("checkAsync broke its promise to complete normally", ex.getCause());
		}
	}

	/**
	 * What a wait saw.
	 *
	 * @param elapsed from the first check to the end of the wait
	 * @param notUp the last result of each address that never answered, in command line
	 * order; empty when every address answered
	 */
	record Result(Duration elapsed, List<CheckResult> notUp) {

		boolean allUp() {
			return this.notUp.isEmpty();
		}

	}

}
