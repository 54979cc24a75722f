package dev.tcpshaker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A host and a port, such as {@code db.internal:5432}, {@code 127.0.0.1:6379} or
 * {@code [::1]:5432}: the one place where tcp-shaker reads and checks address text.
 * <p>
 * A host is a name of ASCII letters, digits, {@code -}, {@code _} and dots (at most 253
 * characters, labels of at most 63), or an IP address literal: IPv4, or IPv6 with an
 * optional zone such as {@code %eth0}. A host shaped like an address must be a valid
 * one: {@code 127.0.0.256} is rejected, never sent to DNS. Nothing here looks a name
 * up.
 * <p>
 * Checks run in time linear in the text, however hostile. An invalid value throws
 * {@link IllegalArgumentException} whose message starts with what is wrong
 * ({@code host}, {@code port} or {@code address}), so a caller can put where the value
 * came from in front, and quotes at most the first 100 characters of the value, with
 * anything outside printable ASCII escaped: {@code host must be a valid IPv4 address but
 * was '127.0.0.256'}.
 *
 * @param host the host name or address literal, without brackets
 * @param port the port, in 1..65535
 */
public record HostAndPort(String host, int port) {

	/** RFC 1035: 255 octets on the wire are 253 characters of text. */
	private static final int MAX_NAME_LENGTH = 253;

	private static final int MAX_LABEL_LENGTH = 63;

	/** The longest IPv6 text form: six groups and an IPv4 tail. */
	private static final int MAX_IPV6_LENGTH = 45;

	/** Linux interface names are at most 15 characters (IFNAMSIZ); numeric zones are shorter. */
	private static final int MAX_ZONE_LENGTH = 15;

	private static final int MAX_QUOTED_LENGTH = 100;

	public HostAndPort {
		requireValidHost(host);
		requireValidPort(port);
	}

	/**
	 * Parses {@code host:port} or {@code [ipv6]:port}.
	 * @param text the text to parse
	 * @return the parsed pair
	 * @throws IllegalArgumentException if the text is not of that form, naming the text
	 */
	public static HostAndPort parse(String text) {
		if (text == null || text.isEmpty()) {
			throw new IllegalArgumentException("address must be host:port but was " + quote(text));
		}
		String host;
		String port;
		if (text.charAt(0) == '[') {
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

	/**
	 * Formats a target as {@code host:port}, bracketing IPv6 literals. The host is not
	 * checked.
	 * @param host the host
	 * @param port the port
	 * @return the formatted target
	 */
	public static String format(String host, int port) {
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}

	/**
	 * Checks a host name or address literal, without any lookup. A zone, as in
	 * {@code fe80::1%eth0}, must name a network interface of this machine.
	 * @param host the host to check
	 * @return the host
	 * @throws IllegalArgumentException if the host is not valid, with a message that
	 * starts with {@code host}
	 */
	public static String requireValidHost(String host) {
		if (isAddressLiteral(host) && host.indexOf('%') >= 0) {
			// Only the JDK knows this machine's interfaces.
			toInetAddress(host);
		}
		return host;
	}

	/**
	 * Checks a port.
	 * @param port the port to check
	 * @return the port
	 * @throws IllegalArgumentException unless the port is in 1..65535, with a message
	 * that starts with {@code port}
	 */
	public static int requireValidPort(int port) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be in 1..65535 but was " + port);
		}
		return port;
	}

	/**
	 * The address to connect to, without any lookup: resolved for an IP address
	 * literal, unresolved for a name.
	 * @return the socket address
	 */
	public InetSocketAddress toSocketAddress() {
		return isAddressLiteral(this.host) ? new InetSocketAddress(toInetAddress(this.host), this.port)
				: InetSocketAddress.createUnresolved(this.host, this.port);
	}

	@Override
	public String toString() {
		return format(this.host, this.port);
	}

	/**
	 * Checks a host, telling an address literal from a name.
	 * @throws IllegalArgumentException unless the host is a valid name or literal
	 */
	private static boolean isAddressLiteral(String host) {
		if (host == null || host.isBlank()) {
			throw invalidHost("must not be blank", host);
		}
		int colons = 0;
		int digits = 0;
		int dots = 0;
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				throw invalidHost("must not contain whitespace", host);
			}
			if (Character.isISOControl(c)) {
				throw invalidHost("must not contain control characters", host);
			}
			colons += (c == ':') ? 1 : 0;
			digits += isDigit(c) ? 1 : 0;
			dots += (c == '.') ? 1 : 0;
		}
		if (host.length() - (host.endsWith(".") ? 1 : 0) > MAX_NAME_LENGTH) {
			throw invalidHost("must be at most " + MAX_NAME_LENGTH + " characters", host);
		}
		if (host.charAt(0) == '[') {
			int close = host.indexOf("]:");
			throw invalidHost((close > 0 && isDigits(host, close + 2)) ? "must not include a port"
					: "must not be in brackets", host);
		}
		if (colons == 1 && isDigits(host, host.indexOf(':') + 1)) {
			throw invalidHost("must not include a port", host);
		}
		if (colons > 0) {
			if (!isIpv6(host)) {
				throw invalidHost("must be a valid IPv6 address", host);
			}
			return true;
		}
		if (digits > 0 && digits + dots == host.length()) {
			if (!isIpv4(host, 0, host.length())) {
				throw invalidHost("must be a valid IPv4 address", host);
			}
			return true;
		}
		requireValidName(host);
		return false;
	}

	/** Labels of letters, digits, '-' and '_' between dots, as internal DNS uses them, and one optional final dot. */
	private static void requireValidName(String host) {
		int labelStart = 0;
		for (int i = 0; i <= host.length(); i++) {
			if (i < host.length() && host.charAt(i) != '.') {
				char c = host.charAt(i);
				if (!(isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_')) {
					throw invalidHost("must be a valid host name, of ASCII letters, digits, '-', '_' and '.',", host);
				}
				continue;
			}
			if (i == host.length() && labelStart == i && i > 0) {
				break;
			}
			if (i == labelStart) {
				throw invalidHost("must be a valid host name, without empty labels,", host);
			}
			if (i - labelStart > MAX_LABEL_LENGTH) {
				throw invalidHost("must be a valid host name, with labels of at most " + MAX_LABEL_LENGTH
						+ " characters,", host);
			}
			if (host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
				throw invalidHost("must be a valid host name, without '-' at either end of a label,", host);
			}
			labelStart = i + 1;
		}
	}

	/**
	 * Whether the text is an IPv6 literal: hex groups, at most one {@code ::}, an
	 * optional IPv4 tail and an optional zone. One pass, no backtracking.
	 */
	private static boolean isIpv6(String text) {
		int end = text.indexOf('%');
		if (end >= 0 && !isZone(text, end + 1)) {
			return false;
		}
		end = (end >= 0) ? end : text.length();
		if (end > MAX_IPV6_LENGTH) {
			return false;
		}
		int groups = 0;
		boolean gap = false;
		int i = 0;
		if (end >= 2 && text.charAt(0) == ':' && text.charAt(1) == ':') {
			gap = true;
			i = 2;
		}
		while (i < end) {
			int start = i;
			while (i < end && i - start < 4 && isHexDigit(text.charAt(i))) {
				i++;
			}
			if (i < end && text.charAt(i) == '.') {
				// An IPv4 tail stands for the last two groups.
				groups += 2;
				return isIpv4(text, start, end) && (gap ? groups <= 7 : groups == 8);
			}
			if (i == start || (i < end && isHexDigit(text.charAt(i))) || ++groups > 8) {
				return false;
			}
			if (i == end) {
				break;
			}
			if (text.charAt(i++) != ':' || i == end) {
				return false;
			}
			if (text.charAt(i) == ':') {
				if (gap) {
					return false;
				}
				gap = true;
				i++;
			}
		}
		return gap ? groups <= 7 : groups == 8;
	}

	private static boolean isZone(String text, int from) {
		if (from == text.length() || text.length() - from > MAX_ZONE_LENGTH) {
			return false;
		}
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	/** Four decimal numbers in 0..255 without leading zeros, which some parsers read as octal. */
	private static boolean isIpv4(String text, int from, int to) {
		int i = from;
		for (int octet = 0; octet < 4; octet++) {
			if (octet > 0 && (i == to || text.charAt(i++) != '.')) {
				return false;
			}
			int start = i;
			int value = 0;
			while (i < to && i - start < 3 && isDigit(text.charAt(i))) {
				value = value * 10 + (text.charAt(i++) - '0');
			}
			if (i == start || value > 255 || (i - start > 1 && text.charAt(start) == '0')) {
				return false;
			}
		}
		return i == to;
	}

	/**
	 * Converts a checked literal. The JDK parses literals itself and never looks them
	 * up; it only adds what text cannot tell: whether a zone names an interface here.
	 */
	private static InetAddress toInetAddress(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("host must be a valid IPv6 address but was " + quote(literal) + " ("
					+ ex.getMessage() + ")", ex);
		}
	}

	private static int parsePort(String port, String text) {
		if (port.isEmpty() || port.length() > 5 || !isDigits(port, 0)) {
			throw new IllegalArgumentException("address must end in a port number but was " + quote(text));
		}
		int value = Integer.parseInt(port);
		if (value < 1 || value > 65535) {
			throw new IllegalArgumentException("port must be in 1..65535 but was " + value + " in " + quote(text));
		}
		return value;
	}

	/** Whether the text from {@code from} on is one or more ASCII digits: {@link Character#isDigit} takes any script's. */
	private static boolean isDigits(String text, int from) {
		if (from >= text.length()) {
			return false;
		}
		for (int i = from; i < text.length(); i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isHexDigit(char c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static IllegalArgumentException invalidHost(String problem, String host) {
		return new IllegalArgumentException("host " + problem + " but was " + quote(host));
	}

	/**
	 * Quotes at most the first 100 characters, escaping all but printable ASCII so that
	 * a control character or a look-alike digit shows for what it is.
	 */
	private static String quote(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("'");
		for (int i = 0; i < Math.min(text.length(), MAX_QUOTED_LENGTH); i++) {
			char c = text.charAt(i);
			if (c >= ' ' && c <= '~') {
				quoted.append(c);
			}
			else {
				quoted.append(String.format("\\u%04x", (int) c));
			}
		}
		quoted.append('\'');
		return (text.length() > MAX_QUOTED_LENGTH) ? quoted.append("...").toString() : quoted.toString();
	}

}
