package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.Engine;
import dev.tcpshaker.HostAndPort;
import dev.tcpshaker.cli.TcpCheckerOptions.Mode;

class TcpCheckerOptionsTests {

	@Test
	void parseReadsEveryFlagOfARun() {
		TcpCheckerOptions options = parse("-a", "127.0.0.1:8080", "-n", "500", "-c", "64", "-t", "250", "-v", "-m",
				"connect", "-e", "nio");
		assertThat(options).isEqualTo(new TcpCheckerOptions(Mode.RUN, List.of(new HostAndPort("127.0.0.1", 8080)), 500,
				64, Duration.ofMillis(250), null, null, 1, true, CheckMethod.CONNECT, Engine.NIO));
		assertThat(options.maxInFlight()).isEqualTo(64);
	}

	@Test
	void parseDefaultsToARunOfOneHalfOpenCheckWithinOneSecond() {
		TcpCheckerOptions options = parse("-a", "localhost:5432");
		assertThat(options.mode()).isEqualTo(Mode.RUN);
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

	@Test
	void parseMonitorsEveryAddressWithTimeoutCappedAtTheInterval() {
		TcpCheckerOptions options = parse("-a", "127.0.0.1:1", "-a", "[::1]:2", "-i", "500", "-s", "1000");
		assertThat(options.mode()).isEqualTo(Mode.MONITOR);
		assertThat(options.targets()).containsExactly(new HostAndPort("127.0.0.1", 1), new HostAndPort("::1", 2));
		assertThat(options.interval()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.timeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.copies()).isEqualTo(1000);
		assertThat(options.maxInFlight()).isEqualTo(2000);
		assertThat(options.waitTimeout()).isNull();
	}

	@Test
	void parseMonitorKeepsOneSecondTimeoutForLongerIntervals() {
		assertThat(parse("-a", "127.0.0.1:1", "-i", "5000").timeout()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void parseWaitChecksEverySecondByDefault() {
		TcpCheckerOptions options = parse("-a", "127.0.0.1:1", "-a", "127.0.0.1:2", "-w", "30000");
		assertThat(options.mode()).isEqualTo(Mode.WAIT);
		assertThat(options.waitTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.interval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.maxInFlight()).isEqualTo(2);
	}

	@Test
	void parseWaitTakesIntervalAndTimeout() {
		TcpCheckerOptions options = parse("-a", "127.0.0.1:1", "-w", "3000", "-i", "200", "-t", "150");
		assertThat(options.interval()).isEqualTo(Duration.ofMillis(200));
		assertThat(options.timeout()).isEqualTo(Duration.ofMillis(150));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			-a 127.0.0.1:80 -x 1                   | unknown flag or argument '-x'
			-a 127.0.0.1:80 extra                  | unknown flag or argument 'extra'
			-n 10                                  | flag -a host:port is required
			-a 127.0.0.1:80 -n 0                   | flag -n must be in 1..10000000 but was 0
			-a 127.0.0.1:80 -n many                | flag -n must be a whole number but was 'many'
			-a 127.0.0.1:80 -c 0                   | flag -c must be in 1..
			-a 127.0.0.1:80 -t -5                  | flag -t must be in 1..2147483647 but was -5
			-a host                                | address must be host:port but was 'host'
			-a host:                               | address must end in a port number but was 'host:'
			-a 127.0.0.1:70000                     | port must be in 1..65535 but was 70000
			-a 127.0.0.1:80 -m bogus               | flag -m must be half-open or connect but was 'bogus'
			-a 127.0.0.1:80 -e kqueue              | flag -e must be epoll or nio but was 'kqueue'
			-a 127.0.0.1:80 -t                     | flag -t needs a value
			-a 127.0.0.1:80 -a 127.0.0.1:81        | a run (-n) checks one address but -a was given 2 times
			-a 127.0.0.1:80 -a 127.0.0.1:80 -i 100 | flag -a must name each address once but named 127.0.0.1:80 twice
			-a 127.0.0.1:80 -i 100 -t 200          | flag -t must not be longer than -i, or two checks of one address would overlap
			-a 127.0.0.1:80 -w 5000 -t 2000        | but -t was 2000 ms and -i 1000 ms
			-a 127.0.0.1:80 -i 0                   | flag -i must be in 1..2147483647 but was 0
			-a 127.0.0.1:80 -w 0                   | flag -w must be in 1..2147483647 but was 0
			-a 127.0.0.1:80 -i 100 -s 0            | flag -s must be in 1..1000000 but was 0
			-a 127.0.0.1:1 -a 127.0.0.1:2 -i 9 -s 600000 | flag -s 600000 makes 1200000 targets of 2 addresses
			-a 127.0.0.1:80 -i 100 -n 5            | flag -n applies to a run (without -i or -w) only
			-a 127.0.0.1:80 -w 100 -c 5            | flag -c applies to a run (without -i or -w) only
			-a 127.0.0.1:80 -i 100 -v              | flag -v applies to a run (without -i or -w) only
			-a 127.0.0.1:80 -s 5                   | flag -s applies to monitor mode (-i without -w) only
			-a 127.0.0.1:80 -w 1000 -s 5           | flag -s applies to monitor mode (-i without -w) only
			""")
	void parseRejectsBadCommandLineNamingTheProblem(String commandLine, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(commandLine.trim().split(" +")))
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
