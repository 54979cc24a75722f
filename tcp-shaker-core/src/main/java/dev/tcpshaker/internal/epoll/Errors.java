package dev.tcpshaker.internal.epoll;

import java.util.Map;

import dev.tcpshaker.CheckOutcome;

/**
 * Turns errno values into outcomes and readable details, in one place.
 */
final class Errors {

	/** The errno values a check can meet, with glibc's messages (asm-generic numbering). */
	private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(1, "EPERM: Operation not permitted"),
			Map.entry(4, "EINTR: Interrupted system call"), Map.entry(9, "EBADF: Bad file descriptor"),
			Map.entry(11, "EAGAIN: Resource temporarily unavailable"), Map.entry(12, "ENOMEM: Cannot allocate memory"),
			Map.entry(13, "EACCES: Permission denied"), Map.entry(22, "EINVAL: Invalid argument"),
			Map.entry(23, "ENFILE: Too many open files in system"), Map.entry(24, "EMFILE: Too many open files"),
			Map.entry(97, "EAFNOSUPPORT: Address family not supported by protocol"),
			Map.entry(99, "EADDRNOTAVAIL: Cannot assign requested address"),
			Map.entry(100, "ENETDOWN: Network is down"), Map.entry(101, "ENETUNREACH: Network is unreachable"),
			Map.entry(104, "ECONNRESET: Connection reset by peer"),
			Map.entry(105, "ENOBUFS: No buffer space available"), Map.entry(110, "ETIMEDOUT: Connection timed out"),
			Map.entry(111, "ECONNREFUSED: Connection refused"), Map.entry(112, "EHOSTDOWN: Host is down"),
			Map.entry(113, "EHOSTUNREACH: No route to host"), Map.entry(115, "EINPROGRESS: Operation now in progress"));

	private Errors() {
	}

	static CheckOutcome outcomeOf(int errno) {
		return switch (errno) {
			case 0 -> CheckOutcome.UP;
			case LinuxConstants.ECONNREFUSED -> CheckOutcome.REFUSED;
			case LinuxConstants.EHOSTUNREACH, LinuxConstants.ENETUNREACH -> CheckOutcome.UNREACHABLE;
			case LinuxConstants.ETIMEDOUT -> CheckOutcome.TIMEOUT;
			default -> CheckOutcome.ERROR;
		};
	}

	/**
	 * Names an errno, as in {@code ECONNREFUSED: Connection refused}.
	 */
	static String describe(int errno) {
		return NAMES.getOrDefault(errno, "errno " + errno);
	}

	static String describe(String call, int errno) {
		return call + " failed: " + describe(errno);
	}

}
