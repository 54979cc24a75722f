package dev.tcpshaker.internal;

import java.time.Duration;

import dev.tcpshaker.TcpShaker;

/**
 * How long a caller waits for a verdict: the check's timeout plus
 * {@link TcpShaker#VERDICT_GRACE}, in nanoseconds that never overflow. One computation
 * for every wait on a verdict: blocking checks and first verdicts alike.
 */
public final class VerdictGrace {

	private VerdictGrace() {
	}

	/**
	 * The longest a caller should wait for the verdict of a check with this timeout.
	 * @param timeout the check's timeout
	 * @return the timeout plus the grace, in nanoseconds, without overflow
	 */
	public static long waitNanos(Duration timeout) {
		return cappedNanos(timeout) + TcpShaker.VERDICT_GRACE.toNanos();
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
