package dev.tcpshaker.internal;

import dev.tcpshaker.CheckOutcome;

/**
 * Gives a check its timeout verdict as the loop does, without closing its socket, for
 * tests of an engine driven by hand.
 */
public final class TimedOut {

	private TimedOut() {
	}

	public static void verdict(Check check) {
		check.verdict(CheckOutcome.TIMEOUT, "timed out by the test", System.nanoTime());
	}

}
