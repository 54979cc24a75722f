package dev.tcpshaker;

/**
 * How a check talks to its target.
 */
public enum CheckMethod {

	/**
	 * Half-open where the platform allows it, a full connect otherwise. Only for the
	 * builder: {@link TcpShaker#method()} reports what actually runs.
	 */
	AUTO,

	/**
	 * SYN, SYN-ACK, then our RST: the handshake never completes, so the target's
	 * application never accepts a connection.
	 */
	HALF_OPEN,

	/** A plain full connect (SYN, SYN-ACK, ACK) closed right away: the target accepts a connection. */
	CONNECT

}
