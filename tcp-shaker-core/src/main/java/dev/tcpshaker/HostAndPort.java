package dev.tcpshaker;

import dev.tcpshaker.internal.AddressLiterals;
import dev.tcpshaker.internal.Arguments;

/**
 * A {@code host:port} pair, parsed from text such as {@code db.internal:5432},
 * {@code 127.0.0.1:6379} or {@code [::1]:5432}.
 * <p>
 * IPv6 literals need brackets: {@code ::1:5432} is ambiguous and rejected. A host shaped
 * like an address must be a valid one: {@code 127.0.0.256} is rejected, never looked up.
 *
 * @param host the host name or address literal, without brackets
 * @param port the port, in 1..65535
 */
public record HostAndPort(String host, int port) {

	public HostAndPort {
		Arguments.requireHost(host);
		AddressLiterals.parse(host);
		Arguments.requirePort(port);
	}

	/**
	 * Parses {@code host:port} or {@code [ipv6]:port}.
	 * @param text the text to parse
	 * @return the parsed pair
	 * @throws IllegalArgumentException if the text is not of that form, naming the text
	 */
	public static HostAndPort parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("address must be host:port but was " + quote(text));
		}
		String host;
		String port;
		if (text.startsWith("[")) {
			int close = text.indexOf(']');
			if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
				throw new IllegalArgumentException("address must be [ipv6]:port but was " + quote(text));
			}
			host = text.substring(1, close);
			port = text.substring(close + 2);
		}
		else {
			int colon = text.lastIndexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("address must be host:port but was " + quote(text));
			}
			host = text.substring(0, colon);
			if (host.indexOf(':') >= 0) {
				throw new IllegalArgumentException(
						"address must put an IPv6 literal in brackets, as [::1]:5432, but was " + quote(text));
			}
			port = text.substring(colon + 1);
		}
		if (host.isBlank()) {
			throw new IllegalArgumentException("address must name a host but was " + quote(text));
		}
		return new HostAndPort(host, parsePort(port, text));
	}

	private static int parsePort(String port, String text) {
		if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("address must end in a port number but was " + quote(text));
		}
		int value = Integer.parseInt(port);
		if (value < 1 || value > 65535) {
			throw new IllegalArgumentException("port must be in 1..65535 but was " + value + " in " + quote(text));
		}
		return value;
	}

	/**
	 * Formats a target as {@code host:port}, bracketing IPv6 literals.
	 * @param host the host
	 * @param port the port
	 * @return the formatted target
	 */
	public static String format(String host, int port) {
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}

	private static String quote(String text) {
		return (text != null) ? "'" + text + "'" : "null";
	}

	/**
	 * This pair as a socket address, without any lookup: resolved when the host is an IP
	 * literal, unresolved when it is a name.
	 * @return the socket address
	 */
	public java.net.InetSocketAddress toSocketAddress() {
		java.net.InetAddress literal = AddressLiterals.parse(this.host);
		return (literal != null) ? new java.net.InetSocketAddress(literal, this.port)
				: java.net.InetSocketAddress.createUnresolved(this.host, this.port);
	}

	@Override
	public String toString() {
		return format(this.host, this.port);
	}

}
