package dev.tcpshaker.internal.nio;

import java.io.IOException;
import java.net.NoRouteToHostException;

import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.internal.Errno;

/**
 * Turns the JDK's socket exceptions into the outcomes and details the epoll engine
 * reports. The JDK words a failed call with {@code strerror()}'s text ("Connection
 * refused"), which finds the entry in the {@link Errno} table; an exception whose text
 * is not in it keeps that text.
 */
final class NioErrors {

	private NioErrors() {
	}

	static CheckOutcome outcomeOf(Exception ex) {
		Errno errno = errnoOf(ex);
		if (errno != null) {
			return errno.outcome();
		}
		return (ex instanceof NoRouteToHostException) ? CheckOutcome.UNREACHABLE : CheckOutcome.ERROR;
	}

	/**
	 * Describes an exception as epoll describes the errno behind it, as in
	 * {@code ECONNREFUSED: Connection refused}.
	 */
	static String describe(Exception ex) {
		Errno errno = errnoOf(ex);
		return (errno != null) ? errno.detail() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	static String describe(String call, Exception ex) {
		return call + " failed: " + describe(ex);
	}

	private static Errno errnoOf(Exception ex) {
		return (ex instanceof IOException) ? Errno.ofText(ex.getMessage()) : null;
	}

}
