package dev.tcpshaker.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals strictly, without any lookup. {@link InetAddress#getByName}
 * sends whatever does not parse as a literal to DNS, even {@code 127.0.0.256}; here a
 * host shaped like an address must be a valid one.
 */
public final class AddressLiterals {

	private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	/** Hex groups, colons, an embedded IPv4 tail, and an optional zone such as {@code %eth0}. */
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

	private AddressLiterals() {
	}

	/**
	 * Parses an address literal.
	 * @param host a host name or address literal
	 * @return the address, or {@code null} when {@code host} is a name
	 * @throws IllegalArgumentException when {@code host} looks like an address literal
	 * but is not a valid one, naming it
	 */
	public static InetAddress parse(String host) {
		boolean ipv4 = IPV4_LIKE.matcher(host).matches();
		boolean ipv6 = host.indexOf(':') >= 0;
		if (!ipv4 && !ipv6) {
			return null;
		}
		if (ipv4 && !IPV4.matcher(host).matches()) {
			throw new IllegalArgumentException("host must be a valid IPv4 address but was '" + host + "'");
		}
		if (ipv6 && !IPV6.matcher(host).matches()) {
			throw new IllegalArgumentException("host must be a valid IPv6 address but was '" + host + "'");
		}
		try {
			// A literal of this shape never reaches DNS: the JDK parses it or rejects it.
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("host must be a valid IP address but was '" + host + "'", ex);
		}
	}

}
