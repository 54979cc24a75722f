package dev.tcpshaker.cli;

import dev.tcpshaker.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.HostAndPort;

class TcpCheckerOptionsTests {

	@Test
	void parseReadsEveryFlag() {
		TcpCheckerOptions options = parse("-a", "127.0.0.1:8080", "-n", "500", "-c", "64", "-t", "250", "-v", "-m",
				"connect", "-e", "nio");
		assertThat(options).isEqualTo(new TcpCheckerOptions(new HostAndPort("127.0.0.1", 8080), 500, 64,
				Duration.ofMillis(250), true, CheckMethod.CONNECT, Engine.NIO));
	}

	@Test
	void parseDefaultsToOneHalfOpenCheckWithinOneSecond() {
		TcpCheckerOptions options = parse("-a", "localhost:5432");
		assertThat(options.requests()).isEqualTo(1);
		assertThat(options.concurrency()).isEqualTo(1);
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.verbose()).isFalse();
		assertThat(options.method()).isEqualTo(CheckMethod.HALF_OPEN);
		assertThat(options.engine()).isEqualTo(Engine.AUTO);
	}

	@Test
	void parseAcceptsBracketedIpv6Target() {
		assertThat(parse("-a", "[::1]:6379").target()).isEqualTo(new HostAndPort("::1", 6379));
	}

	@Test
	void parseSelectsEpollAndHalfOpenByName() {
		TcpCheckerOptions options = parse("-a", "127.0.0.1:1", "-m", "half-open", "-e", "epoll");
		assertThat(options.method()).isEqualTo(CheckMethod.HALF_OPEN);
		assertThat(options.engine()).isEqualTo(Engine.EPOLL);
	}

	@Test
	void parseKeepsTheLastValueOfARepeatedFlag() {
		assertThat(parse("-a", "127.0.0.1:1", "-n", "5", "-n", "7").requests()).isEqualTo(7);
	}

	@Test
	void parseCapsConcurrencyAtRequests() {
		assertThat(parse("-a", "127.0.0.1:1", "-n", "10", "-c", "1000").concurrency()).isEqualTo(10);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			-a 127.0.0.1:80 -x 1       | unknown flag or argument '-x'
			-a 127.0.0.1:80 extra      | unknown flag or argument 'extra'
			-n 10                      | flag -a host:port is required
			-a 127.0.0.1:80 -n 0       | flag -n must be in 1..10000000 but was 0
			-a 127.0.0.1:80 -n many    | flag -n must be a whole number but was 'many'
			-a 127.0.0.1:80 -c 0       | flag -c must be in 1..
			-a 127.0.0.1:80 -t -5      | flag -t must be in 1..2147483647 but was -5
			-a host                    | address must be host:port but was 'host'
			-a host:                   | address must end in a port number but was 'host:'
			-a 127.0.0.1:70000         | port must be in 1..65535 but was 70000
			-a 127.0.0.1:80 -m bogus   | flag -m must be half-open or connect but was 'bogus'
			-a 127.0.0.1:80 -e kqueue  | flag -e must be epoll or nio but was 'kqueue'
			-a 127.0.0.1:80 -t         | flag -t needs a value
			""")
	void parseRejectsBadCommandLineNamingTheProblem(String commandLine, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(commandLine.trim().split(" ")))
			.withMessageContaining(message);
	}

	@Test
	void isHelpRequestSpotsTheHelpFlags() {
		assertThat(TcpCheckerOptions.isHelpRequest(List.of("-a", "x:1", "-h"))).isTrue();
		assertThat(TcpCheckerOptions.isHelpRequest(List.of("--help"))).isTrue();
		assertThat(TcpCheckerOptions.isHelpRequest(List.of("-a", "x:1"))).isFalse();
	}

	private static TcpCheckerOptions parse(String... args) {
		return TcpCheckerOptions.parse(List.of(args));
	}

}
