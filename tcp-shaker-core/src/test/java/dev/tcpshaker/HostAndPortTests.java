package dev.tcpshaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostAndPortTests {

	/** Not a speed bound: backtracking took minutes on input this size, a linear scan takes microseconds. */
	private static final Duration GENEROUS = Duration.ofSeconds(2);

	@Test
	void parseReadsHostNameAndPort() {
		assertThat(HostAndPort.parse("db.internal:5432")).isEqualTo(new HostAndPort("db.internal", 5432));
	}

	@Test
	void parseReadsIpv4Literal() {
		assertThat(HostAndPort.parse("127.0.0.1:6379")).isEqualTo(new HostAndPort("127.0.0.1", 6379));
	}

	@Test
	void parseStripsBracketsFromIpv6Literal() {
		assertThat(HostAndPort.parse("[::1]:5432")).isEqualTo(new HostAndPort("::1", 5432));
		assertThat(HostAndPort.parse("[fe80::1%1]:5432")).isEqualTo(new HostAndPort("fe80::1%1", 5432));
	}

	@Test
	void toStringBracketsIpv6Literal() {
		assertThat(new HostAndPort("::1", 5432)).hasToString("[::1]:5432");
		assertThat(new HostAndPort("localhost", 80)).hasToString("localhost:80");
	}

	@Test
	void parseRejectsHostWithoutPortNamingTheText() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("host"))
			.withMessage("address must be host:port but was 'host'");
	}

	@Test
	void parseRejectsUnclosedBracket() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("[::1"))
			.withMessage("address must be [ipv6]:port but was '[::1'");
	}

	@Test
	void parseRejectsIpv6LiteralWithoutBrackets() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("::1:5432"))
			.withMessageContaining("[::1]:5432")
			.withMessageContaining("'::1:5432'");
	}

	@Test
	void parseRejectsPortOutOfRangeNamingPortAndValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("db:70000"))
			.withMessage("port must be in 1..65535 but was 70000 in 'db:70000'");
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("db:0"))
			.withMessageContaining("port must be in 1..65535 but was 0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ":5432", "db:", "db:http", "db:-1", "db:+80", "[::1]", "[::1]5432",
			"db:123456" })
	void parseRejectsMalformedText(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse(text))
			.withMessageContaining("'" + text + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h:\u0668\u0660", "h:\uff18\uff10", "h:8\u0660" })
	void parseRejectsPortOfNonAsciiDigits(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse(text))
			.withMessageStartingWith("address must end in a port number but was 'h:");
	}

	@Test
	void parseRejectsMalformedAddressLiteral() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse("127.0.0.256:5432"))
			.withMessage("host must be a valid IPv4 address but was '127.0.0.256'");
	}

	@Test
	void parseRejectsNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse(null)).withMessageContaining("null");
	}

	@Test
	void parseRejectsMegabyteOfColonsWithoutBacktracking() {
		String text = "[" + ":".repeat(1_000_000) + "x]:80";
		assertTimeoutPreemptively(GENEROUS, () -> assertThatIllegalArgumentException()
			.isThrownBy(() -> HostAndPort.parse(text))
			.withMessageStartingWith("host must be at most 253 characters but was '::::"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "db.internal", "my-host", "localhost", "db_1.internal", "_postgres._tcp.internal",
			"DB.Internal", "db.internal.", "a1", "1a.internal", "127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::",
			"fe80::1%1", "::ffff:127.0.0.1", "::127.0.0.1", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:8",
			"1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "2001:DB8::a:b" })
	void constructorAcceptsHostNamesAndAddressLiterals(String host) {
		assertThat(new HostAndPort(host, 80).host()).isEqualTo(host);
		assertThat(HostAndPort.requireValidHost(host)).isEqualTo(host);
	}

	@Test
	void constructorAcceptsLongestHostName() {
		String label = "a".repeat(63);
		String name = label + "." + label + "." + label + "." + "b".repeat(61);
		assertThat(name).hasSize(253);
		assertThat(new HostAndPort(name, 80).host()).isEqualTo(name);
		assertThat(new HostAndPort(name + ".", 80).host()).isEqualTo(name + ".");
	}

	@Test
	void constructorAcceptsZoneNamingAnInterfaceOfThisMachine() throws SocketException {
		String host = "::1%" + NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()).getName();
		assertThat(new HostAndPort(host, 80).toSocketAddress().isUnresolved()).isFalse();
	}

	@Test
	void constructorRejectsZoneNamingNoInterface() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort("fe80::1%nosuch0", 80))
			.withMessageStartingWith("host must be a valid IPv6 address but was 'fe80::1%nosuch0'");
	}

	@ParameterizedTest
	@ValueSource(strings = { " db", "db ", "d b", "db\t", "\u00a0db", "db\u2003", " 127.0.0.1", "::1 " })
	void constructorRejectsWhitespaceAnywhere(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessageStartingWith("host must not contain whitespace but was '");
	}

	@ParameterizedTest
	@ValueSource(strings = { "db\u0000", "db\u0001.internal", "\u007fdb", "::1\u0085" })
	void constructorRejectsControlCharactersWithoutQuotingThemRaw(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessageStartingWith("host must not contain control characters but was '")
			.withMessageMatching("[\\x20-\\x7e]*");
	}

	@ParameterizedTest
	@ValueSource(strings = { "db/x", "db!", "db@internal", "db,internal", "b\u00fccher.de", "\u0661\u0662\u0667.0.0.1",
			"127.0.0.1%eth0", "db%1", "*.internal", "db.internal\u200b" })
	void constructorRejectsCharactersThatCannotBeInAHostName(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessageStartingWith("host must be a valid host name, of ASCII letters, digits, '-', '_' and '.', but was '")
			.withMessageMatching("[\\x20-\\x7e]*");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a..b", ".db", "..", ".", "db..", "-db", "db-", "db.-x", "x-.internal" })
	void constructorRejectsMalformedLabels(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessageStartingWith("host must be a valid host name")
			.withMessageEndingWith("but was '" + host + "'");
	}

	@Test
	void constructorRejectsLabelsAndNamesTooLong() {
		String label = "a".repeat(64);
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(label + ".internal", 80))
			.withMessage("host must be a valid host name, with labels of at most 63 characters, but was '"
					+ label + ".internal'");
		String name = "a".repeat(63) + "." + "a".repeat(63) + "." + "a".repeat(63) + "." + "b".repeat(62);
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(name, 80))
			.withMessage("host must be at most 253 characters but was '" + name.substring(0, 100) + "'...");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.256", "127.0.0.1.5", "127.0.1", "1", "01.2.3.4", "1.2.3.04", "1..2.3",
			"1.2.3.4.", "1234.1.1.1", "256.0.0.0" })
	void constructorRejectsMalformedIpv4LiteralsInsteadOfLookingThemUp(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessage("host must be a valid IPv4 address but was '" + host + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "::g", "g::1", ":1::", "1:",
			":::", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.256", "::1.2.3", "::1.2.3.4:5", "fe80::1%",
			"fe80::1%a/b", "fe80::1%eth0%1", "fe80::1%xxxxxxxxxxxxxxxx", "::\u0661" })
	void constructorRejectsMalformedIpv6LiteralsInsteadOfLookingThemUp(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessageStartingWith("host must be a valid IPv6 address but was '");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1:80", "db.internal:5432", "zz:5432", "[::1]:80" })
	void constructorRejectsHostThatIncludesAPort(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessage("host must not include a port but was '" + host + "'");
	}

	@Test
	void constructorRejectsBracketedHost() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort("[::1]", 80))
			.withMessage("host must not be in brackets but was '[::1]'");
	}

	@Test
	void constructorRejectsBlankHostAndPortOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort("", 80))
			.withMessage("host must not be blank but was ''");
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(null, 80))
			.withMessage("host must not be blank but was null");
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort("db", 65536))
			.withMessage("port must be in 1..65535 but was 65536");
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.requireValidPort(0))
			.withMessage("port must be in 1..65535 but was 0");
	}

	@Test
	void messagesQuoteAtMostTheFirstHundredCharacters() {
		String host = "x/" + "y".repeat(200);
		assertThatIllegalArgumentException().isThrownBy(() -> new HostAndPort(host, 80))
			.withMessageEndingWith(" but was '" + host.substring(0, 100) + "'...");
		String text = "db:" + "9".repeat(200);
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse(text))
			.withMessage("address must end in a port number but was '" + text.substring(0, 100) + "'...");
	}

	@Test
	void toSocketAddressResolvesLiteralsWithoutLookup() {
		InetSocketAddress ipv4 = new HostAndPort("127.0.0.1", 5432).toSocketAddress();
		assertThat(ipv4.isUnresolved()).isFalse();
		assertThat(ipv4.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
		assertThat(ipv4.getPort()).isEqualTo(5432);
		InetSocketAddress ipv6 = new HostAndPort("::1", 5432).toSocketAddress();
		assertThat(ipv6.isUnresolved()).isFalse();
		assertThat(ipv6.getAddress().isLoopbackAddress()).isTrue();
		assertThat(new HostAndPort("::ffff:127.0.0.1", 80).toSocketAddress().getAddress().getHostAddress())
			.isEqualTo("127.0.0.1");
	}

	@Test
	void toSocketAddressLeavesNamesUnresolved() {
		// localhost is in the test hosts file: a lookup would resolve it.
		InetSocketAddress address = new HostAndPort("localhost", 5432).toSocketAddress();
		assertThat(address.isUnresolved()).isTrue();
		assertThat(address.getHostString()).isEqualTo("localhost");
		assertThat(address.getPort()).isEqualTo(5432);
	}

}
