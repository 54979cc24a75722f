package dev.tcpshaker.internal.epoll;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.internal.Errno;

/**
 * Turns the errno of a failed call into an outcome and a detail, from the {@link Errno}
 * table.
 */
final class Errors {

	private Errors() {
	}

	static CheckOutcome outcomeOf(int errno) {
		if (errno == 0) {
			return CheckOutcome.UP;
		}
		Errno known = Errno.ofNumber(errno);
		return (known != null) ? known.outcome() : CheckOutcome.ERROR;
	}

	/**
	 * Names an errno, as in {@code ECONNREFUSED: Connection refused}.
	 */
	static String describe(int errno) {
		Errno known = Errno.ofNumber(errno);
		return (known != null) ? known.detail() : "errno " + errno;
	}

	static String describe(String call, int errno) {
		return call + " failed: " + describe(errno);
	}

}
