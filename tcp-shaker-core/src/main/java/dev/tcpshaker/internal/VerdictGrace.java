package dev.tcpshaker.internal;

import java.time.Duration;

import dev.tcpshaker.TcpShaker;

/**
 * How long a caller waits past a check's timeout before it blames the loop. The engine
 * always delivers a verdict by the deadline; the grace only guards callers against a
 * loop that died or is stuck, so it is far longer than a verdict's worst lateness and
 * far shorter than anything a caller would notice as a hang.
 */
public final class VerdictGrace {

	/** One value for every wait on a verdict: blocking checks and first verdicts alike. */
	public static final Duration GRACE = TcpShaker.VERDICT_GRACE;

	private VerdictGrace() {
	}

	/**
	 * The longest a caller should wait for the verdict of a check with this timeout.
	 * @param timeout the check's timeout
	 * @return the timeout plus the grace, in nanoseconds, without overflow
	 */
	public static long waitNanos(Duration timeout) {
		return cappedNanos(timeout) + GRACE.toNanos();
	}

	/**
	 * A timeout in nanoseconds, capped far below overflow so that deadlines computed from
	 * it ({@code System.nanoTime() + nanos}) still compare correctly: a timeout of a
	 * thousand years means "no timeout", not a deadline in the past.
	 * @param timeout a positive timeout
	 * @return its nanoseconds, at most {@code Long.MAX_VALUE / 4}
	 */
	public static long cappedNanos(Duration timeout) {
		try {
			return Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 4;
		}
	}

}
