package dev.tcpshaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostAndPortTests {

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
	@ValueSource(strings = { "", " ", ":5432", "db:", "db:http", "db:-1", "[::1]", "[::1]5432", "db:123456" })
	void parseRejectsMalformedText(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> HostAndPort.parse(text))
			.withMessageContaining("'" + text + "'");
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

}
