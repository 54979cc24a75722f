package dev.tcpshaker.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.CheckResult;

/**
 * What a {@link CheckRun} measured, and the two ways {@link TcpChecker} prints it: a
 * summary for people and one line for the benchmark harness.
 *
 * @param checks the number of checks run
 * @param counts checks per outcome, every outcome present
 * @param seconds from the first check started to the last verdict
 * @param p50Micros median latency, start to verdict, over every check
 * @param p99Micros 99th percentile latency
 * @param cpu CPU time the process used over the same window
 * @param lateCloses half-open checks closed more than 100 ms after they became ready
 * @param failureSamples up to {@value CheckRun#FAILURE_SAMPLES} checks that were not UP
 */
record RunReport(int checks, Map<CheckOutcome, Integer> counts, double seconds, int p50Micros, int p99Micros,
		ProcessCpu cpu, long lateCloses, List<CheckResult> failureSamples) {

	int count(CheckOutcome outcome) {
		return this.counts.get(outcome);
	}

	/** Checks that were neither UP, REFUSED nor TIMEOUT. */
	int other() {
		return count(CheckOutcome.UNREACHABLE) + count(CheckOutcome.UNRESOLVED) + count(CheckOutcome.ERROR);
	}

	double checksPerSecond() {
		return (this.seconds > 0) ? this.checks / this.seconds : 0;
	}

	/**
	 * The lines for people: the totals, then the count of every outcome.
	 * @return the summary, one line per element
	 */
	List<String> summary() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Finished %d checks in %.3f s: %.0f checks/s, latency p50 %d us, p99 %d us",
				this.checks, this.seconds, checksPerSecond(), this.p50Micros, this.p99Micros));
		for (CheckOutcome outcome : CheckOutcome.values()) {
			lines.add(String.format(Locale.ROOT, "  %-12s %d", outcome, count(outcome)));
		}
		lines.add(String.format(Locale.ROOT, "  late closes  %d", this.lateCloses));
		return lines;
	}

	/**
	 * The machine-readable line of the benchmark harness's candidate contract, with
	 * {@code late_closes} added.
	 * @return the line, without a line break
	 */
	String resultLine() {
		return String.format(Locale.ROOT,
				"checks=%d up=%d refused=%d timeout=%d other=%d seconds=%.3f checks_per_s=%.0f p50_us=%d p99_us=%d"
						+ " cpu_user_s=%.3f cpu_sys_s=%.3f late_closes=%d",
				this.checks, count(CheckOutcome.UP), count(CheckOutcome.REFUSED), count(CheckOutcome.TIMEOUT), other(),
				this.seconds, checksPerSecond(), this.p50Micros, this.p99Micros, this.cpu.userSeconds(),
				this.cpu.systemSeconds(), this.lateCloses);
	}

}
