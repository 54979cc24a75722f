package dev.tcpshaker;

/**
 * What a check learned about its target.
 */
public enum CheckOutcome {

	/** The target answered the SYN with a SYN-ACK: something listens on that port. */
	UP,

	/** The target answered with a RST: the host is there, nothing listens on that port. */
	REFUSED,

	/** No answer (or no name lookup) within the check's timeout. */
	TIMEOUT,

	/** The network reported the host or its network unreachable. */
	UNREACHABLE,

	/** The host name could not be resolved to an address. */
	UNRESOLVED,

	/** Anything else: a local error (too many open files, engine shut down, too many checks in flight). */
	ERROR

}
