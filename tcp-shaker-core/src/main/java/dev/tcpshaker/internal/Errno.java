package dev.tcpshaker.internal;

import dev.tcpshaker.CheckOutcome;

/**
 * The errno values a check can meet, with their Linux numbers (asm-generic, as on
 * x86_64 and aarch64), glibc's texts and the outcome each one means. Both engines
 * word their details from this one table, so the same failure reads the same, as in
 * {@code ECONNREFUSED: Connection refused}: epoll finds an entry by number, the
 * pure-JDK engine by the text of the JDK's exception, which is {@code strerror()}'s.
 */
public enum Errno {

	EPERM(1, "Operation not permitted"),

	EINTR(4, "Interrupted system call"),

	EBADF(9, "Bad file descriptor"),

	EAGAIN(11, "Resource temporarily unavailable"),

	ENOMEM(12, "Cannot allocate memory"),

	EACCES(13, "Permission denied"),

	EINVAL(22, "Invalid argument"),

	ENFILE(23, "Too many open files in system"),

	EMFILE(24, "Too many open files"),

	EAFNOSUPPORT(97, "Address family not supported by protocol"),

	EADDRNOTAVAIL(99, "Cannot assign requested address"),

	ENETDOWN(100, "Network is down"),

	ENETUNREACH(101, "Network is unreachable", CheckOutcome.UNREACHABLE),

	ECONNRESET(104, "Connection reset by peer"),

	ENOBUFS(105, "No buffer space available"),

	ENOTCONN(107, "Transport endpoint is not connected"),

	ETIMEDOUT(110, "Connection timed out", CheckOutcome.TIMEOUT),

	ECONNREFUSED(111, "Connection refused", CheckOutcome.REFUSED),

	EHOSTDOWN(112, "Host is down"),

	EHOSTUNREACH(113, "No route to host", CheckOutcome.UNREACHABLE),

	EINPROGRESS(115, "Operation now in progress");

	private static final Errno[] VALUES = values();

	private final int number;

	private final String text;

	private final CheckOutcome outcome;

	Errno(int number, String text) {
		this(number, text, CheckOutcome.ERROR);
	}

	Errno(int number, String text, CheckOutcome outcome) {
		this.number = number;
		this.text = text;
		this.outcome = outcome;
	}

	/**
	 * The Linux number.
	 * @return the number
	 */
	public int number() {
		return this.number;
	}

	/**
	 * What a check that failed with this errno reports.
	 * @return the outcome
	 */
	public CheckOutcome outcome() {
		return this.outcome;
	}

	/**
	 * The name and glibc's text, as in {@code ECONNREFUSED: Connection refused}.
	 * @return the detail
	 */
	public String detail() {
		return name() + ": " + this.text;
	}

	/**
	 * The entry with a Linux number.
	 * @param number an errno value
	 * @return the entry, or {@code null} when the table lacks it
	 */
	public static Errno ofNumber(int number) {
		for (Errno errno : VALUES) {
			if (errno.number == number) {
				return errno;
			}
		}
		return null;
	}

	/**
	 * The entry whose text is exactly {@code text}, as the JDK words a socket error.
	 * @param text an exception message, possibly {@code null}
	 * @return the entry, or {@code null} when none matches
	 */
	public static Errno ofText(String text) {
		for (Errno errno : VALUES) {
			if (errno.text.equals(text)) {
				return errno;
			}
		}
		return null;
	}

}
